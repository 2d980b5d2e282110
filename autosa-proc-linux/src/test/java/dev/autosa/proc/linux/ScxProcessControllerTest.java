// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.proc.linux;

import static dev.autosa.proc.linux.FakeScx.Behaviour.ATTACH;
import static dev.autosa.proc.linux.FakeScx.Behaviour.CHATTY;
import static dev.autosa.proc.linux.FakeScx.Behaviour.CRASH;
import static dev.autosa.proc.linux.FakeScx.Behaviour.SLOW;
import static dev.autosa.proc.linux.FakeScx.Behaviour.STUBBORN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autosa.api.ActiveScheduler;
import dev.autosa.api.ActiveScheduler.State;
import dev.autosa.api.SchedulerController;
import dev.autosa.api.SchedulerException;
import dev.autosa.api.SchedulerFailure;
import dev.autosa.api.SchedulerFailure.Kind;
import dev.autosa.api.SchedulerInfo;
import dev.autosa.api.SchedulerSpec;
import dev.autosa.proc.linux.ScxControllerConfig.OrphanPolicy;
import dev.autosa.proc.linux.internal.scx.Poll;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ScxProcessControllerTest extends FakeScxTestBase {

    /**
     * The exit status of a process the controller already saw exit (through its own handle, after
     * the kernel reaped it): this Process object learns it only when the JDK's reaper thread has
     * recorded it, a moment later that grows under load, so wait for that (bounded).
     */
    private static int exitValue(Process p) throws InterruptedException {
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).as("exit status of pid %d recorded", p.pid()).isTrue();
        return p.exitValue();
    }

    // --- provider ---

    @Test
    void providerNameAndPriority() {
        ScxProcessController c = controller();
        assertThat(c.name()).isEqualTo("scx-process");
        assertThat(c.priority()).isEqualTo(100);
        assertThat(c.isAvailable()).isTrue();
        assertThat(c.unavailableReason()).isEmpty();
    }

    @Test
    void unavailableWithoutSchedExt() {
        Path missing = tmp.resolve("no-such-sysfs");
        ScxProcessController c = controller(fake.config().withSysfsRoot(missing));
        assertThat(c.isAvailable()).isFalse();
        assertThat(c.unavailableReason()).isEqualTo(missing + " not found (kernel without CONFIG_SCHED_CLASS_EXT)");
        assertThat(c.current()).isEqualTo(ActiveScheduler.KERNEL_DEFAULT);
        SchedulerFailure f = failureOf(() -> c.activate(SchedulerSpec.of("scx_simple")));
        assertThat(f.kind()).isEqualTo(Kind.START_FAILED);
        assertThat(f.detail()).isEqualTo("cannot start: " + missing
                + " not found (kernel without CONFIG_SCHED_CLASS_EXT)");
    }

    @Test
    void unavailableWithoutRoot() {
        controller = new ScxProcessController(fake.config(), () -> 1000);
        assertThat(controller.isAvailable()).isFalse();
        assertThat(controller.unavailableReason())
                .isEqualTo("not running as root (uid 1000): cannot load BPF schedulers");
    }

    @Test
    void serviceLoaderFindsTheController() {
        List<String> names = ServiceLoader.load(SchedulerController.class).stream()
                .map(p -> p.type().getName()).toList();
        assertThat(names).contains(ScxProcessController.class.getName());
    }

    // --- catalog ---

    @Test
    void catalogListsKnownSchedulersAndFoundOnes() throws IOException {
        Path simple = fake.script("scx_simple", "simple", ATTACH);
        fake.script("scx_central", "central", ATTACH);
        fake.script("scx_homebrew", "homebrew", ATTACH);
        fake.script("scx_loader", "loader", ATTACH);
        List<SchedulerInfo> infos = controller().available();
        assertThat(infos).extracting(SchedulerInfo::name).containsExactly("scx_bpfland", "scx_flash", "scx_lavd",
                "scx_rusty", "scx_simple", "scx_central", "scx_homebrew");
        assertThat(infos.get(0)).isEqualTo(SchedulerInfo.missing("scx_bpfland",
                "interactive and desktop work: favours tasks that sleep often (I/O, latency)"));
        assertThat(infos.get(4).installed()).isTrue();
        assertThat(infos.get(4).path()).isEqualTo(simple);
        assertThat(infos.get(5).description()).startsWith("one CPU makes every scheduling decision");
        assertThat(infos.get(6).description()).startsWith("sched_ext scheduler found in a trusted directory");
        assertThat(infos).allSatisfy(i -> assertThat(i.description()).isNotBlank());
    }

    @Test
    void catalogRefusesGroupWritableBinary() throws IOException {
        Path s = fake.script("scx_simple", "simple", ATTACH);
        FakeScx.chmod(s, "rwxrwxr-x");
        SchedulerInfo info = simpleInfo();
        assertThat(info.installed()).isFalse();
        assertThat(info.path()).isNull();
        assertThat(info.refusedReason()).isEqualTo(s + " is group-writable (rwxrwxr-x)");
        SchedulerFailure f = failureOf(() -> controller.activate(SchedulerSpec.of("scx_simple")));
        assertThat(f.kind()).isEqualTo(Kind.START_FAILED);
        assertThat(f.detail()).isEqualTo("refused: " + s + " is group-writable (rwxrwxr-x)");
        assertThat(fake.enableSeq()).isZero();
    }

    @Test
    void catalogRefusesWorldWritableBinary() throws IOException {
        Path s = fake.script("scx_simple", "simple", ATTACH);
        FakeScx.chmod(s, "rwxr-xrwx");
        assertThat(simpleInfo().refusedReason()).isEqualTo(s + " is world-writable (rwxr-xrwx)");
    }

    @Test
    void catalogRefusesBinaryNotOwnedByRoot() throws IOException {
        Path s = fake.script("scx_simple", "simple", ATTACH);
        Files.setAttribute(s, "unix:uid", 65534);
        assertThat(simpleInfo().refusedReason()).isEqualTo(s + " is owned by uid 65534, not root");
    }

    @Test
    void catalogRefusesWritableDirectory() throws IOException {
        fake.script("scx_simple", "simple", ATTACH);
        FakeScx.chmod(fake.bin, "rwxrwxrwx");
        assertThat(simpleInfo().refusedReason())
                .isEqualTo("directory " + fake.bin.toRealPath() + " is group- and world-writable (rwxrwxrwx)");
    }

    @Test
    void catalogRefusesDirectoryNotOwnedByRoot() throws IOException {
        fake.script("scx_simple", "simple", ATTACH);
        Files.setAttribute(fake.bin, "unix:uid", 65534);
        assertThat(simpleInfo().refusedReason())
                .isEqualTo("directory " + fake.bin.toRealPath() + " is owned by uid 65534, not root");
    }

    private SchedulerInfo simpleInfo() {
        return controller().available().stream().filter(i -> i.name().equals("scx_simple")).findFirst()
                .orElseThrow();
    }

    @Test
    void unknownOrMissingSchedulerIsRefused() {
        ScxProcessController c = controller();
        assertThat(failureOf(() -> c.activate(SchedulerSpec.of("scx_nothere"))).detail())
                .isEqualTo("unknown scheduler: not in the catalog and not found in the trusted directories ["
                        + fake.bin + "]");
        assertThat(failureOf(() -> c.activate(SchedulerSpec.of("scx_rusty"))).detail())
                .isEqualTo("not installed in any trusted directory [" + fake.bin + "]");
    }

    // --- arguments ---

    @Test
    void argumentsAreCheckedAgainstKnownFlagsBeforeAnythingStarts() throws IOException {
        fake.script("scx_simple", "simple", ATTACH);
        ScxProcessController c = controller();
        assertThat(failureOf(() -> c.activate(SchedulerSpec.of("scx_simple", "-x"))).detail())
                .isEqualTo("unknown flag -x for scx_simple (allow it with the controller's extra flags setting "
                        + "if your version has it)");
        assertThat(failureOf(() -> c.activate(SchedulerSpec.of("scx_simple", "-h"))).detail())
                .isEqualTo("flag -h is not allowed for scx_simple: it makes the scheduler print and exit instead "
                        + "of running");
        assertThat(failureOf(() -> c.activate(SchedulerSpec.of("scx_simple", "-f;reboot"))).detail())
                .isEqualTo("argument \"-f;reboot\" for scx_simple holds ';': shell metacharacters are not accepted");
        assertThat(fake.enableSeq()).isZero();
    }

    @Test
    void validArgumentsReachTheBinaryWithoutAShell() throws IOException, SchedulerException {
        fake.script("scx_simple", "simple", ATTACH);
        ActiveScheduler a = controller().activate(SchedulerSpec.of("scx_simple", "-f", "-v"));
        String cmdline = Files.readString(Path.of("/proc", Long.toString(a.pid()), "cmdline"),
                StandardCharsets.UTF_8);
        assertThat(cmdline.split("\0")).containsSequence(fake.bin.resolve("scx_simple").toString(), "-f", "-v");
    }

    @Test
    void schedulerFoundButUnknownTakesOnlyConfiguredFlags() throws IOException, SchedulerException {
        fake.script("scx_homebrew", "homebrew", ATTACH);
        ScxProcessController strict = controller();
        assertThat(failureOf(() -> strict.activate(SchedulerSpec.of("scx_homebrew", "--turbo"))).detail())
                .startsWith("unknown flag --turbo for scx_homebrew");
        strict.close();
        ScxProcessController lenient = controller(fake.config()
                .withExtraFlags(Map.of("scx_homebrew", Set.of("--turbo"))));
        assertThat(lenient.activate(SchedulerSpec.of("scx_homebrew", "--turbo", "3")).ops()).isEqualTo("homebrew");
    }

    // --- start and stop ---

    @Test
    void activateWaitsForTheKernelAndDeactivateRestoresTheDefault() throws Exception {
        fake.script("scx_simple", "simple", ATTACH);
        ScxProcessController c = controller();
        assertThat(c.current()).isEqualTo(ActiveScheduler.KERNEL_DEFAULT);

        ActiveScheduler a = c.activate(SchedulerSpec.of("scx_simple"));

        assertThat(fake.state()).isEqualTo("enabled");
        assertThat(fake.ops()).isEqualTo("simple");
        assertThat(fake.enableSeq()).isEqualTo(1);
        assertThat(a.state()).isEqualTo(State.ENABLED);
        assertThat(a.ops()).isEqualTo("simple");
        assertThat(a.scheduler()).isEqualTo("scx_simple");
        assertThat(a.managed()).isTrue();
        assertThat(ProcessHandle.of(a.pid())).map(ProcessHandle::isAlive).contains(true);
        assertThat(c.current()).isEqualTo(a);
        assertThat(c.checkHealth()).isEmpty();

        c.deactivate();

        assertThat(fake.state()).isEqualTo("disabled");
        assertThat(c.current()).isEqualTo(ActiveScheduler.KERNEL_DEFAULT);
        assertThat(ProcessHandle.of(a.pid()).filter(ProcessHandle::isAlive)).isEmpty();
        assertThat(c.checkHealth()).isEmpty();
        c.deactivate(); // nothing runs: a no-op
    }

    @Test
    void rustStyleOpsNamesWithVersionSuffixMatch() throws Exception {
        fake.script("scx_rusty", "rusty_1.0.4_x86_64", ATTACH);
        ActiveScheduler a = controller().activate(SchedulerSpec.of("scx_rusty"));
        assertThat(a.ops()).isEqualTo("rusty_1.0.4_x86_64");
        assertThat(a.scheduler()).isEqualTo("scx_rusty");
    }

    @Test
    void switchingStopsTheOldSchedulerFirst() throws Exception {
        fake.script("scx_simple", "simple", ATTACH);
        fake.script("scx_central", "central", ATTACH);
        ScxProcessController c = controller();
        ActiveScheduler first = c.activate(SchedulerSpec.of("scx_simple"));
        ActiveScheduler second = c.activate(SchedulerSpec.of("scx_central"));
        assertThat(ProcessHandle.of(first.pid()).filter(ProcessHandle::isAlive)).isEmpty();
        assertThat(second.ops()).isEqualTo("central");
        assertThat(second.managed()).isTrue();
        assertThat(fake.enableSeq()).isEqualTo(2);
        ActiveScheduler third = c.activate(SchedulerSpec.of("scx_simple"));
        assertThat(third.ops()).isEqualTo("simple");
        assertThat(fake.enableSeq()).isEqualTo(3);
    }

    @Test
    void startFailsWhenTheBinaryExitsAtOnce() throws IOException {
        fake.script("scx_simple", "simple", CRASH);
        ScxProcessController c = controller();
        SchedulerFailure f = failureOf(() -> c.activate(SchedulerSpec.of("scx_simple")));
        assertThat(f.kind()).isEqualTo(Kind.START_FAILED);
        assertThat(f.scheduler()).isEqualTo("scx_simple");
        assertThat(f.exitCode()).isEqualTo(3);
        assertThat(f.detail()).isEqualTo("exited with code 3 before attaching (state=disabled ops=- enable_seq=0); "
                + "it had already exited; the kernel default is back (state=disabled ops=- enable_seq=0); "
                + "last output (" + log("scx_simple") + "): args:  | libbpf: failed to load BPF program");
        assertThat(c.current()).isEqualTo(ActiveScheduler.KERNEL_DEFAULT);
        assertThat(c.checkHealth()).isEmpty();
    }

    @Test
    void startTimesOutWhenTheSchedulerDoesNotAttach() throws IOException {
        fake.script("scx_simple", "simple", SLOW);
        ScxProcessController c = controller();
        SchedulerFailure f = failureOf(() -> c.activate(SchedulerSpec.of("scx_simple")));
        assertThat(f.kind()).isEqualTo(Kind.START_FAILED);
        assertThat(f.exitCode()).isZero();
        assertThat(f.detail()).isEqualTo("did not attach within 2000 ms (state=disabled ops=- enable_seq=0, "
                + "enable_seq before start 0); it exited on SIGINT; the kernel default is back "
                + "(state=disabled ops=- enable_seq=0); last output (" + log("scx_simple") + "): args: ");
        assertThat(c.current()).isEqualTo(ActiveScheduler.KERNEL_DEFAULT);
    }

    @Test
    void startFailsWhenTheKernelRunsAnotherOps() throws IOException {
        fake.script("scx_simple", "imposter", ATTACH);
        ScxProcessController c = controller();
        SchedulerFailure f = failureOf(() -> c.activate(SchedulerSpec.of("scx_simple")));
        assertThat(f.kind()).isEqualTo(Kind.START_FAILED);
        assertThat(f.detail()).startsWith("the kernel attached ops \"imposter\", not simple "
                + "(state=enabled ops=imposter enable_seq=1); it exited on SIGINT; the kernel default is back");
        assertThat(fake.state()).isEqualTo("disabled");
    }

    @Test
    void stopEscalatesToSigkillAndReportsStopFailed() throws Exception {
        fake.script("scx_simple", "simple", STUBBORN);
        ScxProcessController c = controller(fake.config().withStopTimeout(Duration.ofMillis(500)));
        ActiveScheduler a = c.activate(SchedulerSpec.of("scx_simple"));
        SchedulerFailure f = failureOf(c::deactivate);
        assertThat(f.kind()).isEqualTo(Kind.STOP_FAILED);
        assertThat(f.exitCode()).isEqualTo(137);
        // a fake scheduler has no kernel to unload it when it dies, so sysfs keeps "enabled" here
        assertThat(f.detail()).isEqualTo("scx_simple (pid " + a.pid() + ") would not stop: it ignored SIGINT and "
                + "SIGTERM for 500 ms each; killed with SIGKILL; sysfs still says state=enabled ops=simple "
                + "enable_seq=1 after 500 ms; last output (" + log("scx_simple") + "): args: ");
        assertThat(ProcessHandle.of(a.pid()).filter(ProcessHandle::isAlive)).isEmpty();
    }

    // --- health ---

    @Test
    void healthReportsAnExitedScheduler() throws Exception {
        fake.script("scx_simple", "simple", ATTACH);
        ScxProcessController c = controller();
        ActiveScheduler a = c.activate(SchedulerSpec.of("scx_simple"));
        fake.trigger("crash");
        ProcessHandle.of(a.pid()).ifPresent(h -> h.onExit().join());

        Optional<SchedulerFailure> f = c.checkHealth();

        assertThat(f).isPresent();
        assertThat(f.get().kind()).isEqualTo(Kind.EXITED);
        assertThat(f.get().exitCode()).isEqualTo(7);
        assertThat(f.get().detail()).isEqualTo("scx_simple (pid " + a.pid() + ") exited with code 7 while it should "
                + "run; the kernel default is back; last output (" + log("scx_simple") + "): args:  | EXIT: scheduler "
                + "crashed");
        assertThat(c.current()).isEqualTo(ActiveScheduler.KERNEL_DEFAULT);
        assertThat(c.checkHealth()).isEmpty();
    }

    @Test
    void healthReportsAnEjectionAndStopsTheProcess() throws Exception {
        fake.script("scx_simple", "simple", ATTACH);
        ScxProcessController c = controller();
        ActiveScheduler a = c.activate(SchedulerSpec.of("scx_simple"));
        fake.trigger("eject");
        assertThat(Poll.until(() -> Files.exists(fake.ctl.resolve("ejected")), Duration.ofSeconds(10),
                Duration.ofMillis(10))).isTrue();

        Optional<SchedulerFailure> f = c.checkHealth();

        assertThat(f).isPresent();
        assertThat(f.get().kind()).isEqualTo(Kind.EJECTED);
        assertThat(f.get().exitCode()).isZero();
        assertThat(f.get().detail()).isEqualTo("the kernel disabled scx_simple (pid " + a.pid() + ") while it ran "
                + "(state=disabled ops=- enable_seq=1 nr_rejected=0); it exited on SIGINT; the kernel default is "
                + "back (state=disabled ops=- enable_seq=1); last output (" + log("scx_simple") + "): args:  | EXIT: "
                + "runnable task stall");
        assertThat(ProcessHandle.of(a.pid()).filter(ProcessHandle::isAlive)).isEmpty();
        assertThat(c.current()).isEqualTo(ActiveScheduler.KERNEL_DEFAULT);
        assertThat(c.checkHealth()).isEmpty();
    }

    // --- schedulers started by someone else ---

    @Test
    void orphanLeftAloneIsReportedAndNotReplacedUntilAdopted() throws Exception {
        Path s = fake.script("scx_simple", "simple", ATTACH);
        fake.script("scx_central", "central", ATTACH);
        Process byHand = fake.startByHand(s);
        ScxProcessController c = controller();

        assertThat(c.current()).isEqualTo(new ActiveScheduler(State.ENABLED, "simple", "scx_simple", byHand.pid(),
                false));
        SchedulerFailure start = failureOf(() -> c.activate(SchedulerSpec.of("scx_central")));
        assertThat(start.kind()).isEqualTo(Kind.START_FAILED);
        assertThat(start.scheduler()).isEqualTo("scx_central");
        assertThat(start.detail()).isEqualTo("sched_ext already runs scx_simple (pid " + byHand.pid()
                + ", ops simple) (enabled), which AutoSA did not start; it is left alone: call adopt() to let AutoSA "
                + "manage it");
        SchedulerFailure stop = failureOf(c::deactivate);
        assertThat(stop.kind()).isEqualTo(Kind.STOP_FAILED);
        assertThat(stop.scheduler()).isEqualTo("scx_simple");
        assertThat(c.checkHealth()).isEmpty();
        assertThat(byHand.isAlive()).isTrue();
        assertThat(fake.enableSeq()).isEqualTo(1);

        assertThat(c.adopt()).isTrue();
        assertThat(c.current().managed()).isTrue();
        ActiveScheduler central = c.activate(SchedulerSpec.of("scx_central"));

        assertThat(byHand.toHandle().isAlive()).isFalse();
        assertThat(central.ops()).isEqualTo("central");
        assertThat(central.managed()).isTrue();
    }

    @Test
    void orphanAdoptedAtStartupIsStoppedOnClose() throws Exception {
        Process byHand = fake.startByHand(fake.script("scx_simple", "simple", ATTACH));
        ScxProcessController c = controller(fake.config().withOrphanPolicy(OrphanPolicy.ADOPT));

        assertThat(c.current()).isEqualTo(new ActiveScheduler(State.ENABLED, "simple", "scx_simple", byHand.pid(),
                true));
        assertThat(c.checkHealth()).isEmpty();
        c.close();

        assertThat(byHand.toHandle().isAlive()).isFalse();
        assertThat(fake.state()).isEqualTo("disabled");
    }

    @Test
    void orphanStoppedAtStartup() throws Exception {
        Process byHand = fake.startByHand(fake.script("scx_simple", "simple", ATTACH));
        ScxProcessController c = controller(fake.config().withOrphanPolicy(OrphanPolicy.STOP));

        assertThat(c.current()).isEqualTo(ActiveScheduler.KERNEL_DEFAULT);
        assertThat(byHand.toHandle().isAlive()).isFalse();
        assertThat(exitValue(byHand)).isZero();
    }

    @Test
    void adoptWithNothingAttachedReturnsFalse() {
        assertThat(controller().adopt()).isFalse();
    }

    @Test
    void orphanWhoseProcessCannotBeFoundIsReportedWithoutOwner() throws Exception {
        Files.writeString(fake.sys.resolve("root/ops"), "ghost\n");
        Files.writeString(fake.sys.resolve("enable_seq"), "4\n");
        Files.writeString(fake.sys.resolve("state"), "enabled\n");
        ScxProcessController c = controller(fake.config().withOrphanPolicy(OrphanPolicy.ADOPT));
        assertThat(c.current()).isEqualTo(new ActiveScheduler(State.ENABLED, "ghost", null, -1, false));
        assertThat(c.adopt()).isFalse();
        assertThat(failureOf(c::deactivate).detail()).isEqualTo("sched_ext already runs ops ghost (its process was "
                + "not found in " + fake.proc + ") (enabled), which AutoSA did not start; it is left alone: call "
                + "adopt() to let AutoSA manage it");
    }

    // --- close ---

    @Test
    void closeStopsOurSchedulerUnlessKept() throws Exception {
        fake.script("scx_simple", "simple", ATTACH);
        ScxProcessController c = controller();
        ActiveScheduler a = c.activate(SchedulerSpec.of("scx_simple"));
        c.close();
        assertThat(ProcessHandle.of(a.pid()).filter(ProcessHandle::isAlive)).isEmpty();
        assertThat(fake.state()).isEqualTo("disabled");
        assertThatThrownBy(c::current).isInstanceOf(IllegalStateException.class)
                .hasMessage("scheduler controller scx-process is closed");
        assertThat(c.checkHealth()).isEmpty();
        c.close(); // idempotent
    }

    @Test
    void closeKeepingTheSchedulerLeavesItRunning() throws Exception {
        fake.script("scx_simple", "simple", ATTACH);
        ScxProcessController c = controller();
        ActiveScheduler a = c.activate(SchedulerSpec.of("scx_simple"));
        c.close(true);
        fake.track(a.pid());
        ProcessHandle h = ProcessHandle.of(a.pid()).orElseThrow();
        assertThat(h.isAlive()).isTrue();
        assertThat(fake.state()).isEqualTo("enabled");

        // a new controller finds it as an orphan
        ScxProcessController next = controller(fake.config().withOrphanPolicy(OrphanPolicy.ADOPT));
        assertThat(next.current()).isEqualTo(new ActiveScheduler(State.ENABLED, "simple", "scx_simple", a.pid(),
                true));
        next.deactivate();
        assertThat(h.isAlive()).isFalse();
    }

    @Test
    void keptSchedulerWritesToALogFileNotToPipesOfTheJvm() throws Exception {
        fake.script("scx_simple", "simple", CHATTY);
        ScxProcessController c = controller();
        ActiveScheduler a = c.activate(SchedulerSpec.of("scx_simple"));
        c.close(true);
        fake.track(a.pid());

        // a pipe would give it SIGPIPE once this JVM exits; a file does not
        Path log = log("scx_simple");
        for (int fd = 1; fd <= 2; fd++) {
            Path target = Files.readSymbolicLink(Path.of("/proc", Long.toString(a.pid()), "fd", Integer.toString(fd)));
            assertThat(target).as("fd %d of the kept scheduler", fd).isEqualTo(log);
            assertThat(Files.isRegularFile(target)).isTrue();
        }
        assertThat(Files.readSymbolicLink(Path.of("/proc", Long.toString(a.pid()), "fd", "0")))
                .isEqualTo(Path.of("/dev/null"));
        assertThat(Files.getPosixFilePermissions(log)).isEqualTo(
                java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        // it keeps writing after the controller is gone
        assertThat(Poll.until(() -> readLog(log).contains("stats 3") && readLog(log).contains("err 3"),
                Duration.ofSeconds(30), Duration.ofMillis(20))).as("stdout and stderr in %s", log).isTrue();
        assertThat(ProcessHandle.of(a.pid()).map(ProcessHandle::isAlive)).contains(true);
        assertThat(fake.state()).isEqualTo("enabled");

        ScxProcessController next = controller(fake.config().withOrphanPolicy(OrphanPolicy.ADOPT));
        next.deactivate();
        assertThat(ProcessHandle.of(a.pid()).filter(ProcessHandle::isAlive)).isEmpty();
        assertThat(fake.state()).isEqualTo("disabled");
    }

    @Test
    void eachStartBeginsAFreshLog() throws Exception {
        fake.script("scx_simple", "simple", CHATTY);
        ScxProcessController c = controller();
        c.activate(SchedulerSpec.of("scx_simple"));
        Path log = log("scx_simple");
        assertThat(Poll.until(() -> readLog(log).contains("stats 2"), Duration.ofSeconds(30), Duration.ofMillis(20)))
                .isTrue();
        c.deactivate();
        fake.script("scx_simple", "simple", CRASH);
        SchedulerFailure f = failureOf(() -> c.activate(SchedulerSpec.of("scx_simple")));
        assertThat(f.detail()).endsWith("last output (" + log + "): args:  | libbpf: failed to load BPF program");
        assertThat(readLog(log)).isEqualTo("args: \nlibbpf: failed to load BPF program\n");
    }

    @Test
    void runDirThatCannotBeCreatedFallsBackToAPrivateTempDir() throws Exception {
        Path file = Files.writeString(tmp.resolve("not-a-dir"), "x");
        fake.script("scx_simple", "simple", ATTACH);
        ActiveScheduler a = controller(fake.config().withRunDir(file.resolve("run"))).activate(
                SchedulerSpec.of("scx_simple"));
        Path out = Files.readSymbolicLink(Path.of("/proc", Long.toString(a.pid()), "fd", "1"));
        assertThat(out.getFileName().toString()).isEqualTo("scx_simple.log");
        assertThat(out.getParent().getFileName().toString()).startsWith("autosa-scx-");
        assertThat(Files.getPosixFilePermissions(out.getParent())).isEqualTo(
                java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        controller.close();
        Files.delete(out);
        Files.delete(out.getParent());
    }

    private static String readLog(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "";
        }
    }
}
