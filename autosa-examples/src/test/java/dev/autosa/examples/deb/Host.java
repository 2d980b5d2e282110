// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples.deb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a command on this machine, as a package manager or an operator would, and keeps its output. */
final class Host {

    private Host() {
    }

    record Result(List<String> command, int exit, String out, String err) {
        Result expectExit(int expected) {
            if (exit != expected) {
                throw new AssertionError(String.join(" ", command) + " exited " + exit + ", expected " + expected
                        + "\nstdout:\n" + out + "\nstderr:\n" + err);
            }
            return this;
        }

        Result ok() {
            return expectExit(0);
        }
    }

    static Result run(String... command) {
        return run(List.of(command));
    }

    static Result run(List<String> command) {
        try {
            Path out = Files.createTempFile("autosa-deb-out", ".txt");
            Path err = Files.createTempFile("autosa-deb-err", ".txt");
            try {
                ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
                pb.environment().put("DEBIAN_FRONTEND", "noninteractive");
                pb.environment().remove("JAVA_HOME"); // the installed launcher must use its own runtime
                Process p = pb.start();
                if (!p.waitFor(120, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new AssertionError(String.join(" ", command) + " did not finish in 120 s");
                }
                return new Result(command, p.exitValue(), Files.readString(out), Files.readString(err));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
