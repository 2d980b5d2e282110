// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.proc.linux.internal.scx;

import java.util.List;
import java.util.Optional;

/**
 * A scheduler this controller knows by name: what it is good for and which flags it takes. The
 * flag lists follow the schedulers' own {@code --help} (sched-ext/scx for the Rust ones, the
 * kernel's {@code tools/sched_ext} for the C examples); flags that make a scheduler print and exit,
 * or only monitor, are refused. Options that point libbpf at files (kconfig, BTF, pin paths) are
 * left out on purpose: allow them per scheduler in the config if needed.
 *
 * @param name the binary name
 * @param description one line, what it is good for
 * @param flags the flags it accepts
 * @param alwaysListed true for the schedulers AutoSA's preference table uses: listed as "not
 *     installed" when missing; the others appear only when found
 */
public record KnownScheduler(String name, String description, FlagSet flags, boolean alwaysListed) {

    private static final String PRINTS_AND_EXITS = "it makes the scheduler print and exit instead of running";
    private static final String MONITOR_ONLY = "it only monitors a running scheduler instead of running one";

    private static final List<KnownScheduler> ALL = List.of(
            rust("scx_bpfland", "interactive and desktop work: favours tasks that sleep often (I/O, latency)",
                    FlagSet.of("|exit-dump-len=", "s|slice-us=", "L|slice-min-us=", "l|slice-us-lag=",
                            "t|throttle-us=", "I|idle-resume-us=", "p|local-pcpu", "k|local-kthreads",
                            "w|no-wake-sync", "S|sticky-tasks", "m|primary-domain=", "P|preferred-idle-scan",
                            "|disable-smt", "|disable-numa", "f|cpufreq", "T|timely", "|timely-tlow-us=",
                            "|timely-thigh-us=", "|timely-gain-min=", "|timely-gain-step=", "|timely-hai-thresh=",
                            "|timely-hai-multiplier=", "|timely-backoff-low=", "|timely-backoff-high=",
                            "|timely-backoff-gradient=", "|timely-gradient-margin-us=",
                            "|timely-control-interval-us=", "|stats=", "d|debug", "v|verbose")),
            rust("scx_flash", "mixed work needing fair, predictable latency (deadline-based vruntime)",
                    FlagSet.of("|exit-dump-len=", "s|slice-us=", "l|slice-us-lag=", "t|throttle-us=",
                            "I|idle-resume-us=", "T|tickless", "R|rr-sched", "|wakeup-throttle",
                            "m|primary-domain=", "|disable-smt", "|disable-numa", "f|cpufreq", "|stats=", "d|debug",
                            "v|verbose")),
            rust("scx_lavd", "latency-critical work such as gaming and audio: ranks tasks by latency criticality",
                    FlagSet.of("v|verbose", "|autopilot", "|autopower", "|performance", "|powersave", "|balanced",
                            "|slice-max-us=", "|slice-min-us=", "|lat-load-target-pct=", "|mig-delta-pct=",
                            "|warm-cpu-us=", "|lb-low-util-pct=", "|lb-local-dsq-util-pct=", "|pinned-slice-us=",
                            "|preempt-shift=", "|cpu-pref-order=", "|no-use-em", "|no-futex-boost", "|no-fast-lb",
                            "|no-preemption", "|no-wake-sync", "|no-slice-boost", "|per-cpu-dsq", "|enable-cpu-bw",
                            "|partial", "|no-core-compaction", "|no-freq-scaling", "|stats=", "|log-level=",
                            "|run-id=")
                            .plus(List.of("--virt-llc"))
                            .refusing(MONITOR_ONLY, "--monitor-sched-samples")),
            rust("scx_rusty", "throughput of CPU-bound work on machines with several LLC/NUMA domains (load balancing)",
                    FlagSet.of("u|slice-us-underutil=", "o|slice-us-overutil=", "i|interval=", "I|tune-interval=",
                            "l|load-half-life=", "c|cache-level=", "C|cpumasks=", "g|greedy-threshold=",
                            "|greedy-threshold-x-numa=", "|no-load-balance", "k|kthreads-local",
                            "b|balanced-kworkers", "f|fifo-sched", "D|direct-greedy-under=", "K|kick-greedy-under=",
                            "r|direct-greedy-numa", "p|partial", "|mempolicy-affinity", "|stats=",
                            "|exit-dump-len=", "v|verbose", "|perf=")),
            c("scx_simple", "minimal global vruntime (or FIFO with -f) scheduler; a baseline and a sched_ext self-test",
                    true, "f", "v"),
            c("scx_central", "one CPU makes every scheduling decision (kernel example for tickless setups)",
                    false, "s|slice-us=", "c|central-cpu=", "v"),
            c("scx_flatcg", "flattened cgroup hierarchy with weights (kernel example for cgroup-heavy servers)",
                    false, "s|slice-us=", "i|interval=", "f", "v"),
            c("scx_cpu0", "runs every task on CPU 0 (kernel example, a demonstration only)", false, "v"),
            c("scx_qmap", "five-level FIFO priority queues (kernel example and feature test bed)", false, "s|=",
                    "e|=", "t|=", "T|=", "l|=", "b|=", "N|=", "P", "M", "H", "c|=", "d|=", "D|=", "S", "p", "I",
                    "F|=", "C|=", "v"),
            c("scx_pair", "core scheduling: pairs of sibling CPUs run tasks of the same cgroup (kernel example)",
                    false, "S|=", "v"),
            c("scx_userland", "scheduling decisions made in a user-space process (kernel example)", false, "b|=",
                    "v"),
            c("scx_sdt", "per-task data in BPF arenas (kernel example)", false, "v"));

    /** Binaries named {@code scx_*} that are tools, not schedulers. */
    private static final List<String> NOT_SCHEDULERS = List.of("scx_loader", "scx_characterize",
            "scx_forge_agent");

    public static List<KnownScheduler> all() {
        return ALL;
    }

    public static Optional<KnownScheduler> find(String name) {
        return ALL.stream().filter(k -> k.name.equals(name)).findFirst();
    }

    public static boolean isTool(String name) {
        return NOT_SCHEDULERS.contains(name);
    }

    private static KnownScheduler rust(String name, String description, FlagSet flags) {
        return new KnownScheduler(name, description,
                flags.refusing(PRINTS_AND_EXITS, "-h", "--help", "-V", "--version", "--help-stats")
                        .refusing(MONITOR_ONLY, "--monitor"),
                true);
    }

    private static KnownScheduler c(String name, String description, boolean listed, String... flags) {
        return new KnownScheduler(name, description, FlagSet.of(flags).refusing(PRINTS_AND_EXITS, "-h"), listed);
    }
}
