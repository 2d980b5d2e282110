// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.proc.linux;

import dev.autosa.proc.linux.internal.scx.Poll;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A fake sched_ext for tests: a sysfs tree in a temp directory and {@code scx_*} bash scripts that
 * play a scheduler by writing it (attach: ops, enable_seq + 1, state enabled; SIGINT/SIGTERM:
 * state disabled, exit). Tests steer running scripts by creating trigger files ({@code crash},
 * {@code eject}) instead of relying on timing.
 */
final class FakeScx {

    /** How a fake scheduler behaves. */
    enum Behaviour {
        /** Attaches at once, detaches and exits on SIGINT/SIGTERM; obeys the crash and eject triggers. */
        ATTACH,
        /** Never attaches in time; exits on SIGINT/SIGTERM. */
        SLOW,
        /** Prints a libbpf-like error and exits with code 3 at once. */
        CRASH,
        /** Attaches and ignores SIGINT and SIGTERM. */
        STUBBORN,
        /** Like ATTACH, and prints a line of statistics every 100 ms, as real schedulers do every second. */
        CHATTY
    }

    final Path root;
    final Path sys;
    final Path bin;
    final Path ctl;
    /**
     * The controller's proc root: links to /proc entries of this test's own scheduler processes
     * only. Owner lookup matches {@code scx_*} names in the proc root, and on a shared build
     * machine the whole /proc also shows other builds' fake {@code scx_simple}: adopting (and then
     * stopping) one of those would be wrong twice.
     */
    final Path proc;

    FakeScx(Path tmp) throws IOException {
        requireSigintNotIgnored();
        root = tmp;
        chmod(root, "rwxr-xr-x");
        sys = Files.createDirectory(root.resolve("sys"));
        Files.createDirectory(sys.resolve("root"));
        write(sys.resolve("state"), "disabled");
        write(sys.resolve("enable_seq"), "0");
        write(sys.resolve("nr_rejected"), "0");
        bin = Files.createDirectory(root.resolve("bin"));
        chmod(bin, "rwxr-xr-x");
        ctl = Files.createDirectory(root.resolve("ctl"));
        proc = Files.createDirectory(root.resolve("proc"));
        Files.createSymbolicLink(proc.resolve("locks"), Path.of("/proc/locks"));
        try {
            if (new ProcessBuilder("mkfifo", ctl.resolve("fifo").toString()).inheritIO().start().waitFor() != 0) {
                throw new IOException("mkfifo " + ctl.resolve("fifo") + " failed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    ScxControllerConfig config() {
        return ScxControllerConfig.ofDefaults().withSysfsRoot(sys).withProcRoot(proc).withRunDir(root.resolve("run"))
                .withTrustedDirs(List.of(bin))
                .withStartTimeout(Duration.ofSeconds(2)).withStopTimeout(Duration.ofSeconds(2))
                .withPollInterval(Duration.ofMillis(10)).withExtraFlags(Map.of())
                .withLockFile(root.resolve("lock").resolve("sched_ext.lock"));
    }

    /** Writes {@code bin/name}, a fake scheduler that attaches as {@code ops}. */
    Path script(String name, String ops, Behaviour behaviour) throws IOException {
        String loop = """
                while :; do
                  if [[ -e "$CTL/crash" ]]; then echo "EXIT: scheduler crashed" >&2; detach; exit 7; fi
                  if [[ -e "$CTL/eject" && ! -e "$CTL/ejected" ]]; then
                    # The marker comes last: a test that waits for it then finds the whole log.
                    detach; echo "EXIT: runnable task stall" >&2; echo yes > "$CTL/ejected"
                  fi
                  read -t 0.02 -u 3
                done
                """;
        String main = switch (behaviour) {
            case ATTACH -> "trap 'detach; exit 0' INT TERM\nattach\n" + loop;
            case SLOW -> "trap 'exit 0' INT TERM\nwhile :; do read -t 0.02 -u 3; done\n";
            case CRASH -> "echo 'libbpf: failed to load BPF program' >&2\nexit 3\n";
            case STUBBORN -> "trap '' INT TERM\nattach\n" + loop;
            case CHATTY -> "trap 'detach; exit 0' INT TERM\nattach\nn=0\n"
                    + "while :; do n=$((n + 1)); echo \"stats $n\"; echo \"err $n\" >&2; read -t 0.1 -u 3; done\n";
        };
        String text = "#!/bin/bash\n"
                + "SYS='" + sys + "'; CTL='" + ctl + "'; OPS='" + ops + "'\n"
                + """
                attach() {
                  read -r seq < "$SYS/enable_seq"
                  echo "$OPS" > "$SYS/root/ops"
                  echo $((seq + 1)) > "$SYS/enable_seq"
                  echo enabled > "$SYS/state"
                }
                detach() { echo disabled > "$SYS/state"; : > "$SYS/root/ops"; }
                # a FIFO opened read-write never reaches EOF: read -t waits on it without forking
                exec 3<> "$CTL/fifo"
                echo "args: $*"
                """
                + main;
        Path file = bin.resolve(name);
        write(file, text);
        chmod(file, "rwxr-xr-x");
        return file;
    }

    /** Makes a process of this test visible in the controller's proc root (for owner lookup). */
    void track(long pid) throws IOException {
        Files.createSymbolicLink(proc.resolve(Long.toString(pid)), Path.of("/proc", Long.toString(pid)));
    }

    /** Removes the links into /proc (JUnit warns about links that leave a temp dir it deletes). */
    void untrackAll() throws IOException {
        try (var links = Files.list(proc)) {
            for (Path link : links.toList()) {
                Files.delete(link);
            }
        }
    }

    void trigger(String name) throws IOException {
        write(ctl.resolve(name), "yes");
    }

    String state() throws IOException {
        return Files.readString(sys.resolve("state")).trim();
    }

    String ops() throws IOException {
        return Files.readString(sys.resolve("root/ops")).trim();
    }

    long enableSeq() throws IOException {
        return Long.parseLong(Files.readString(sys.resolve("enable_seq")).trim());
    }

    /** Starts a script as someone else would (by hand), and waits until it attached. */
    Process startByHand(Path script) throws IOException {
        long before = enableSeq();
        Process p = new ProcessBuilder(script.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        track(p.pid());
        if (!Poll.until(() -> {
            try {
                return enableSeq() > before && state().equals("enabled");
            } catch (IOException | NumberFormatException e) {
                return false;
            }
        }, Duration.ofSeconds(10), Duration.ofMillis(10))) {
            p.destroyForcibly();
            throw new IllegalStateException(script + " did not attach");
        }
        return p;
    }

    /**
     * The fake schedulers are bash scripts, and bash cannot trap a signal that was ignored when it
     * started. A JVM started with SIGINT ignored (a background job of a non-interactive shell,
     * nohup) passes that on to every child, so the scripts would ignore the controller's SIGINT
     * and every stop would end in SIGTERM: say so once instead of failing tests with odd messages.
     * (Real schedulers install their own SIGINT handler and are not affected.)
     */
    private static void requireSigintNotIgnored() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("SigIgn:")) {
                long mask = Long.parseUnsignedLong(line.substring("SigIgn:".length()).strip(), 16);
                if ((mask & 0x2) != 0) {
                    throw new IllegalStateException("this JVM runs with SIGINT ignored (inherited, SigIgn: "
                            + Long.toHexString(mask) + "): the bash fake schedulers could not trap it. Run the "
                            + "build in the foreground, or in a script with job control (set -m)");
                }
            }
        }
    }

    static void chmod(Path p, String perms) throws IOException {
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(perms));
    }

    private static void write(Path p, String text) throws IOException {
        Files.writeString(p, text + (text.endsWith("\n") ? "" : "\n"), StandardCharsets.US_ASCII);
    }
}
