// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.proc.linux.internal.scx;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The command-line flags one scheduler accepts, and the check of a spec's arguments against them.
 * Arguments never pass through a shell, but shell metacharacters are refused anyway: a value that
 * needs them is a mistake or an attack, and a log line holding one must not be pasted into a shell.
 */
public final class FlagSet {

    /** The most arguments a spec may hold, and the longest argument. */
    static final int MAX_ARGS = 64;
    static final int MAX_ARG_LENGTH = 256;
    private static final String METACHARACTERS = ";&|$`<>(){}[]*?!~'\"\\#";

    /** Whether a flag is a switch, needs a value, or may take one (extra flags: we cannot know). */
    enum Arity { NONE, REQUIRED, OPTIONAL }

    private final Map<Character, Arity> shorts;
    private final Map<String, Arity> longs;
    /** Flags that make a scheduler print and exit (or only monitor) instead of running. */
    private final Map<String, String> refused;

    private FlagSet(Map<Character, Arity> shorts, Map<String, Arity> longs, Map<String, String> refused) {
        this.shorts = Map.copyOf(shorts);
        this.longs = Map.copyOf(longs);
        this.refused = Map.copyOf(refused);
    }

    /** No flags at all: the start for a scheduler this controller does not know. */
    public static FlagSet empty() {
        return new FlagSet(Map.of(), Map.of(), Map.of());
    }

    /**
     * Flags from short specs: {@code "s|slice-us="} is {@code -s}/{@code --slice-us} with a value,
     * {@code "|disable-smt"} a long-only switch, {@code "f"} a short-only switch.
     */
    static FlagSet of(String... specs) {
        Map<Character, Arity> shorts = new HashMap<>();
        Map<String, Arity> longs = new HashMap<>();
        for (String spec : specs) {
            Arity arity = spec.endsWith("=") ? Arity.REQUIRED : Arity.NONE;
            String s = arity == Arity.REQUIRED ? spec.substring(0, spec.length() - 1) : spec;
            int bar = s.indexOf('|');
            String shortPart = bar < 0 ? s : s.substring(0, bar);
            String longPart = bar < 0 ? "" : s.substring(bar + 1);
            if (shortPart.length() == 1) {
                shorts.put(shortPart.charAt(0), arity);
            }
            if (!longPart.isEmpty()) {
                longs.put(longPart, arity);
            }
        }
        return new FlagSet(shorts, longs, Map.of());
    }

    /** A copy that refuses these flags ({@code "-h"}, {@code "--help"}) with the given reason. */
    FlagSet refusing(String reason, String... flags) {
        Map<String, String> r = new HashMap<>(refused);
        for (String flag : flags) {
            r.put(flag, reason);
        }
        return new FlagSet(shorts, longs, r);
    }

    /** A copy that also accepts {@code extra} flags ({@code -c} or {@code --name}), each with an optional value. */
    public FlagSet plus(Collection<String> extra) {
        Map<Character, Arity> s = new HashMap<>(shorts);
        Map<String, Arity> l = new HashMap<>(longs);
        for (String flag : extra) {
            if (flag.startsWith("--")) {
                l.putIfAbsent(flag.substring(2), Arity.OPTIONAL);
            } else if (flag.length() == 2 && flag.charAt(0) == '-') {
                s.putIfAbsent(flag.charAt(1), Arity.OPTIONAL);
            }
        }
        Map<String, String> r = new HashMap<>(refused);
        r.keySet().removeAll(extra);
        return new FlagSet(s, l, r);
    }

    /**
     * Checks {@code args} for {@code scheduler}.
     *
     * @throws IllegalArgumentException naming the argument at fault and why
     */
    public void validate(String scheduler, List<String> args) {
        if (args.size() > MAX_ARGS) {
            throw new IllegalArgumentException(
                    "too many arguments for " + scheduler + ": " + args.size() + " (at most " + MAX_ARGS + ")");
        }
        for (String arg : args) {
            checkSafe(scheduler, arg);
        }
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.startsWith("--")) {
                i = checkLong(scheduler, args, i);
            } else if (arg.startsWith("-") && arg.length() > 1) {
                i = checkShorts(scheduler, args, i);
            } else {
                throw new IllegalArgumentException("unexpected argument \"" + arg + "\" for " + scheduler
                        + ": only flags and their values are accepted");
            }
        }
    }

    private int checkLong(String scheduler, List<String> args, int i) {
        String arg = args.get(i);
        int eq = arg.indexOf('=');
        String name = eq < 0 ? arg.substring(2) : arg.substring(2, eq);
        checkRefused(scheduler, "--" + name);
        Arity arity = longs.get(name);
        if (arity == null) {
            throw unknown(scheduler, "--" + name);
        }
        if (eq >= 0) {
            if (arity == Arity.NONE) {
                throw new IllegalArgumentException("flag --" + name + " of " + scheduler + " takes no value but got \""
                        + arg.substring(eq + 1) + "\"");
            }
            return i;
        }
        return consumeValue(scheduler, "--" + name, arity, args, i);
    }

    private int checkShorts(String scheduler, List<String> args, int i) {
        String arg = args.get(i);
        for (int j = 1; j < arg.length(); j++) {
            char c = arg.charAt(j);
            checkRefused(scheduler, "-" + c);
            Arity arity = shorts.get(c);
            if (arity == null) {
                throw unknown(scheduler, "-" + c);
            }
            if (arity != Arity.NONE) {
                // getopt and clap both read the rest of the word as the value: -s5000
                return j + 1 < arg.length() ? i : consumeValue(scheduler, "-" + c, arity, args, i);
            }
        }
        return i;
    }

    private static int consumeValue(String scheduler, String flag, Arity arity, List<String> args, int i) {
        boolean hasNext = i + 1 < args.size();
        if (arity == Arity.REQUIRED) {
            if (!hasNext) {
                throw new IllegalArgumentException("flag " + flag + " of " + scheduler + " needs a value");
            }
            return i + 1; // values may start with '-' (e.g. --idle-resume-us -1)
        }
        if (arity == Arity.OPTIONAL && hasNext && !args.get(i + 1).startsWith("-")) {
            return i + 1;
        }
        return i;
    }

    private void checkRefused(String scheduler, String flag) {
        String reason = refused.get(flag);
        if (reason != null) {
            throw new IllegalArgumentException("flag " + flag + " is not allowed for " + scheduler + ": " + reason);
        }
    }

    private static IllegalArgumentException unknown(String scheduler, String flag) {
        return new IllegalArgumentException("unknown flag " + flag + " for " + scheduler
                + " (allow it with the controller's extra flags setting if your version has it)");
    }

    private static void checkSafe(String scheduler, String arg) {
        if (arg.isEmpty()) {
            throw new IllegalArgumentException("empty argument for " + scheduler);
        }
        if (arg.length() > MAX_ARG_LENGTH) {
            throw new IllegalArgumentException("argument for " + scheduler + " is longer than " + MAX_ARG_LENGTH
                    + " characters: \"" + arg.substring(0, 32) + "...\"");
        }
        for (int k = 0; k < arg.length(); k++) {
            char c = arg.charAt(k);
            if (c <= ' ' || c >= 0x7f) {
                throw new IllegalArgumentException("argument \"" + printable(arg) + "\" for " + scheduler
                        + " holds a space, control or non-ASCII character at index " + k);
            }
            if (METACHARACTERS.indexOf(c) >= 0) {
                throw new IllegalArgumentException("argument \"" + arg + "\" for " + scheduler + " holds '" + c
                        + "': shell metacharacters are not accepted");
            }
        }
    }

    private static String printable(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            b.append(c < ' ' || c >= 0x7f ? '?' : c);
        }
        return b.toString();
    }
}
