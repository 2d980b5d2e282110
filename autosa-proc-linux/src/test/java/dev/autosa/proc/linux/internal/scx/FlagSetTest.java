// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.proc.linux.internal.scx;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlagSetTest {

    private static final FlagSet BPFLAND = KnownScheduler.find("scx_bpfland").orElseThrow().flags();
    private static final FlagSet SIMPLE = KnownScheduler.find("scx_simple").orElseThrow().flags();

    private static void ok(FlagSet flags, String... args) {
        assertThatCode(() -> flags.validate("scx_x", List.of(args))).doesNotThrowAnyException();
    }

    private static void bad(FlagSet flags, String message, String... args) {
        assertThatThrownBy(() -> flags.validate("scx_x", List.of(args)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    @Test
    void acceptsKnownFlagsInEveryForm() {
        ok(BPFLAND);
        ok(BPFLAND, "-s", "5000", "--slice-us", "5000", "--slice-us=5000", "-s5000");
        ok(BPFLAND, "-I", "-1", "--idle-resume-us=-1");
        ok(BPFLAND, "-kwS", "--primary-domain", "0x3f", "--disable-smt", "-m", "performance");
        ok(SIMPLE, "-fv");
        ok(KnownScheduler.find("scx_lavd").orElseThrow().flags(), "--virt-llc", "--performance");
        ok(KnownScheduler.find("scx_lavd").orElseThrow().flags(), "--virt-llc", "2-8");
    }

    @Test
    void refusesUnknownFlagsValuesAndPositionals() {
        bad(SIMPLE, "unknown flag -q for scx_x (allow it with the controller's extra flags setting if your version "
                + "has it)", "-fq");
        bad(BPFLAND, "unknown flag --slice for scx_x (allow it with the controller's extra flags setting if your "
                + "version has it)", "--slice=3");
        bad(BPFLAND, "flag --disable-smt of scx_x takes no value but got \"yes\"", "--disable-smt=yes");
        bad(BPFLAND, "flag --slice-us of scx_x needs a value", "--slice-us");
        bad(BPFLAND, "flag -s of scx_x needs a value", "-s");
        bad(SIMPLE, "unexpected argument \"fifo\" for scx_x: only flags and their values are accepted", "-f", "fifo");
        bad(SIMPLE, "unexpected argument \"--\" for scx_x: only flags and their values are accepted".replace(
                "unexpected argument \"--\" for scx_x: only flags and their values are accepted",
                "unknown flag -- for scx_x (allow it with the controller's extra flags setting if your version "
                        + "has it)"), "--");
    }

    @Test
    void refusesFlagsThatDoNotRunAScheduler() {
        bad(BPFLAND, "flag --help is not allowed for scx_x: it makes the scheduler print and exit instead of running",
                "--help");
        bad(BPFLAND, "flag -V is not allowed for scx_x: it makes the scheduler print and exit instead of running",
                "-dV");
        bad(BPFLAND, "flag --monitor is not allowed for scx_x: it only monitors a running scheduler instead of "
                + "running one", "--monitor=1");
    }

    @Test
    void refusesUnsafeArguments() {
        bad(BPFLAND, "argument \"$(reboot)\" for scx_x holds '$': shell metacharacters are not accepted", "-m",
                "$(reboot)");
        bad(BPFLAND, "argument \"a b\" for scx_x holds a space, control or non-ASCII character at index 1", "-m",
                "a b");
        bad(BPFLAND, "argument \"a?b\" for scx_x holds a space, control or non-ASCII character at index 1", "-m",
                "a\nb");
        bad(BPFLAND, "empty argument for scx_x", "-m", "");
        bad(BPFLAND, "too many arguments for scx_x: 65 (at most 64)",
                Collections.nCopies(65, "-d").toArray(String[]::new));
    }

    @Test
    void extraFlagsTakeAnOptionalValueAndMayLiftARefusal() {
        FlagSet flags = FlagSet.empty().plus(List.of("--turbo", "-z"));
        ok(flags, "--turbo", "--turbo=3", "--turbo", "3", "-z", "-z", "x");
        ok(BPFLAND.plus(List.of("--monitor")), "--monitor", "2");
        bad(flags, "unknown flag --slow for scx_x (allow it with the controller's extra flags setting if your "
                + "version has it)", "--slow");
    }
}
