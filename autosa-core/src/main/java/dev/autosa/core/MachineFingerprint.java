// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.core;

/**
 * Names the machine an outcome was measured on, so a history moved to other hardware or a new
 * kernel does not decide there: the CPU count and the kernel release.
 */
public final class MachineFingerprint {

    private MachineFingerprint() {
    }

    /**
     * The fingerprint of the machine this JVM runs on, from its available processors and the
     * {@code os.version} property.
     *
     * @return e.g. {@code "cpus=2 kernel=7.2.13+deb14-cloud-amd64"}
     */
    public static String current() {
        return of(Runtime.getRuntime().availableProcessors(), System.getProperty("os.version", "unknown"));
    }

    /**
     * The fingerprint of a machine described by its facts.
     *
     * @param cpus the CPU count
     * @param kernel the kernel release; tabs and line breaks become spaces
     * @return e.g. {@code "cpus=2 kernel=7.2.13+deb14-cloud-amd64"}
     */
    public static String of(int cpus, String kernel) {
        return "cpus=" + cpus + " kernel=" + kernel.replace('\t', ' ').replace('\n', ' ');
    }
}
