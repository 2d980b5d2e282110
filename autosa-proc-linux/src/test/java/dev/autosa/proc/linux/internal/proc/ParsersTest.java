// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.proc.linux.internal.proc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autosa.proc.linux.Fixtures;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Parsers on real files; every expected value is read off the fixture text by eye. */
class ParsersTest {

    private static final String FIO0 = Fixtures.HOST + "/fio-randrw/ticks/000000000167/";
    private static final String GUEST_IDLE0 = Fixtures.GUEST + "/idle/ticks/000000002375/";

    private final List<String> problems = new ArrayList<>();
    private final ProblemSink sink = (line, reason) -> problems.add(line + ": " + reason);

    private ByteScanner scan(byte[] bytes) {
        ByteScanner s = new ByteScanner();
        s.reset(bytes, bytes.length);
        return s;
    }

    private ByteScanner scan(String text) {
        return scan(text.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void statOnHostKernel() {
        StatParser p = new StatParser();
        p.parse(scan(Fixtures.bytes(FIO0 + "stat")), sink);
        // cpu  18218 0 5013 135584 793 0 82 36 0 0
        assertThat(p.totalValid()).isTrue();
        long[] total = new long[StatParser.FIELDS];
        for (int f = 0; f < total.length; f++) {
            total[f] = p.total(f);
        }
        assertThat(total).containsExactly(18218, 0, 5013, 135584, 793, 0, 82, 36, 0, 0);
        assertThat(p.cpuCount()).isEqualTo(2);
        assertThat(p.cpuId(1)).isEqualTo(1);
        // cpu1 9532 0 3140 66400 691 0 72 22 0 0
        assertThat(p.cpuTicks(1, StatParser.SYSTEM)).isEqualTo(3140);
        assertThat(p.cpuTicks(1, StatParser.STEAL)).isEqualTo(22);
        assertThat(p.ctxt()).isEqualTo(933668);
        assertThat(p.processes()).isEqualTo(8504);
        assertThat(p.procsRunning()).isEqualTo(3);
        assertThat(p.procsBlocked()).isZero();
        assertThat(problems).isEmpty();
    }

    @Test
    void statOnGuestKernel() {
        StatParser p = new StatParser();
        p.parse(scan(Fixtures.bytes(GUEST_IDLE0 + "stat")), sink);
        // cpu  528 0 868 812 34 0 7 0 0 0 / ctxt 12528 / processes 150
        assertThat(p.total(StatParser.USER)).isEqualTo(528);
        assertThat(p.total(StatParser.IDLE)).isEqualTo(812);
        assertThat(p.total(StatParser.IOWAIT)).isEqualTo(34);
        assertThat(p.ctxt()).isEqualTo(12528);
        assertThat(p.processes()).isEqualTo(150);
        assertThat(problems).isEmpty();
    }

    @Test
    void statWithMissingFieldsReportsTheLine() {
        StatParser p = new StatParser();
        p.parse(scan("cpu  1 2 3\ncpu0 1 2 3 4 5 6 7 8 0 0\nctxt x\nprocesses 5\n"), sink);
        assertThat(p.totalValid()).isFalse();
        assertThat(p.ctxt()).isEqualTo(ByteScanner.NONE);
        assertThat(p.processes()).isEqualTo(5);
        assertThat(problems).containsExactly(
                "1: cpu line has 3 valid tick fields, expected at least 8",
                "3: value is missing or not a number");
    }

    @Test
    void meminfo() {
        KeyValueParser p = new KeyValueParser("MemTotal:", "MemAvailable:");
        p.parse(scan(Fixtures.bytes(FIO0 + "meminfo")), sink);
        assertThat(p.value(0)).isEqualTo(24684092);
        assertThat(p.value(1)).isEqualTo(24218852);
        assertThat(p.line(1)).isEqualTo(3);
        assertThat(problems).isEmpty();
    }

    @Test
    void vmstat() {
        KeyValueParser p = new KeyValueParser("pgfault", "pgmajfault", "pswpin", "pswpout");
        p.parse(scan(Fixtures.bytes(FIO0 + "vmstat")), sink);
        assertThat(p.value(0)).isEqualTo(4931554);
        assertThat(p.value(1)).isEqualTo(1276);
        assertThat(p.value(2)).isZero();
        assertThat(p.value(3)).isZero();
        assertThat(problems).isEmpty();
    }

    @Test
    void keyValueMissingKeyIsReported() {
        KeyValueParser p = new KeyValueParser("MemTotal:", "MemAvailable:");
        p.parse(scan("MemTotal: 100 kB\nMemFree: 50 kB\n"), sink);
        assertThat(p.value(0)).isEqualTo(100);
        assertThat(p.value(1)).isEqualTo(ByteScanner.NONE);
        assertThat(problems).containsExactly("0: no MemAvailable: line");
    }

    @Test
    void diskstatsKeepsWholeRealDisksOnly() {
        DiskstatsParser p = new DiskstatsParser(new DeviceFilter(false));
        p.parse(scan(Fixtures.bytes(FIO0 + "diskstats")), sink);
        // loop0..7 and zram0 are virtual: only vda is left.
        //  254       0 vda 101723 7889 3344170 57432 64830 31142 3677224 29991 16 15016 ...
        assertThat(p.slotCount()).isEqualTo(1);
        int vda = p.slotOf("vda");
        assertThat(vda).isZero();
        assertThat(p.valid(vda)).isTrue();
        assertThat(p.value(vda, DiskstatsParser.READS)).isEqualTo(101723);
        assertThat(p.value(vda, DiskstatsParser.SECTORS_READ)).isEqualTo(3344170);
        assertThat(p.value(vda, DiskstatsParser.WRITES)).isEqualTo(64830);
        assertThat(p.value(vda, DiskstatsParser.SECTORS_WRITTEN)).isEqualTo(3677224);
        assertThat(p.value(vda, DiskstatsParser.IO_TICKS)).isEqualTo(15016);
        assertThat(p.line(vda)).isEqualTo(9);
        assertThat(problems).isEmpty();
    }

    @Test
    void diskstatsWithVirtualDevicesIncluded() {
        DiskstatsParser p = new DiskstatsParser(new DeviceFilter(true));
        p.parse(scan(Fixtures.bytes(FIO0 + "diskstats")), sink);
        assertThat(p.slotCount()).isEqualTo(10);
        assertThat(p.name(0)).isEqualTo("loop0");
        assertThat(p.name(9)).isEqualTo("zram0");
    }

    @Test
    void diskstatsTracksDevicesAcrossReads() {
        DiskstatsParser p = new DiskstatsParser(new DeviceFilter(false));
        String sda = "   8 0 sda 1 0 2 0 3 0 4 0 0 5 0\n";
        String sdb = "   8 16 sdb 10 0 20 0 30 0 40 0 0 50 0\n";
        String sdc = "   8 32 sdc 7 0 7 0 7 0 7 0 0 7 0\n";
        p.parse(scan(sda + sdb), sink);
        assertThat(p.slotOf("sdb")).isEqualTo(1);
        p.parse(scan(sda + sdc), sink);
        // sdb vanished in this read; sdc must not take its slot in the same read.
        assertThat(p.present(1)).isFalse();
        assertThat(p.slotOf("sdc")).isEqualTo(2);
        p.parse(scan(sdb + sda + sdc), sink);
        assertThat(p.slotOf("sdb")).isEqualTo(1);
        assertThat(p.slotCount()).isEqualTo(3);
        assertThat(problems).isEmpty();
    }

    @Test
    void deviceNames() {
        for (String whole : List.of("sda", "vda", "xvdb", "hdc", "nvme0n1", "mmcblk0", "sr0", "nbd0", "sdaa")) {
            assertThat(DeviceFilter.isPartition(ByteScanner.ascii(whole), 0, whole.length())).as(whole).isFalse();
        }
        for (String part : List.of("sda1", "vdb2", "xvda1", "hdc3", "nvme0n1p2", "mmcblk0p1", "loop0p1", "sdaa12")) {
            assertThat(DeviceFilter.isPartition(ByteScanner.ascii(part), 0, part.length())).as(part).isTrue();
        }
        DeviceFilter real = new DeviceFilter(false);
        for (String virtual : List.of("loop0", "ram0", "zram0", "dm-0", "md0")) {
            assertThat(real.accepts(ByteScanner.ascii(virtual), 0, virtual.length())).as(virtual).isFalse();
            assertThat(new DeviceFilter(true).accepts(ByteScanner.ascii(virtual), 0, virtual.length())).as(virtual).isTrue();
        }
    }

    @Test
    void loadavg() {
        LoadavgParser p = new LoadavgParser();
        p.parse(scan(Fixtures.bytes(FIO0 + "loadavg")), sink);
        // 1.36 0.46 0.21 4/112 8503
        assertThat(p.runnable()).isEqualTo(4);
        p.parse(scan("0.1 0.2 0.3 x/5 1\n"), sink);
        assertThat(p.runnable()).isEqualTo(ByteScanner.NONE);
        assertThat(problems).containsExactly("1: 4th field is not running/total");
    }

    @Test
    void pressure() {
        PressureParser p = new PressureParser();
        p.parse(scan(Fixtures.bytes(FIO0 + "pressure/io")), sink);
        // some avg10=0.62 avg60=0.17 avg300=0.22 total=7400106 / full ... total=6490223
        assertThat(p.someTotal()).isEqualTo(7400106);
        assertThat(p.fullTotal()).isEqualTo(6490223);
        p.parse(scan(Fixtures.bytes(FIO0 + "pressure/cpu")), sink);
        assertThat(p.someTotal()).isEqualTo(34671733);
        assertThat(p.fullTotal()).isZero();
        assertThat(problems).isEmpty();
    }

    @Test
    void schedstatOnGuestKernel() {
        SchedstatParser p = new SchedstatParser();
        p.parse(scan(Fixtures.bytes(GUEST_IDLE0 + "schedstat")), sink);
        // version 17; cpu0 ... 8605935357 3394520221 3151; cpu1 ... 7553069999 2457852418 5497
        assertThat(p.version()).isEqualTo(17);
        assertThat(p.valid()).isTrue();
        assertThat(p.cpuCount()).isEqualTo(2);
        assertThat(p.runDelaySum()).isEqualTo(3394520221L + 2457852418L);
        assertThat(problems).isEmpty();
    }

    @Test
    void schedstatOldVersionIsRefused() {
        SchedstatParser p = new SchedstatParser();
        p.parse(scan("version 14\ntimestamp 1\ncpu0 1 2 3 4 5 6 7 8 9 10 11 12\n"), sink);
        assertThat(p.valid()).isFalse();
        assertThat(problems).containsExactly("1: unsupported schedstat version (need 15 or later)");
    }

    @Test
    void numbers() {
        assertThat(ByteScanner.parseUnsigned(ByteScanner.ascii("9223372036854775807"), 0, 19)).isEqualTo(Long.MAX_VALUE);
        assertThat(ByteScanner.parseUnsigned(ByteScanner.ascii("9223372036854775808"), 0, 19)).isEqualTo(ByteScanner.NONE);
        assertThat(ByteScanner.parseUnsigned(ByteScanner.ascii("-1"), 0, 2)).isEqualTo(ByteScanner.NONE);
        assertThat(ByteScanner.parseUnsigned(ByteScanner.ascii("12a"), 0, 3)).isEqualTo(ByteScanner.NONE);
        assertThat(ByteScanner.parseUnsigned(ByteScanner.ascii(""), 0, 0)).isEqualTo(ByteScanner.NONE);
        ByteScanner s = scan("a\t 7  \r\n\nb");
        assertThat(s.nextLine()).isTrue();
        assertThat(s.nextToken()).isTrue();
        assertThat(s.nextLong()).isEqualTo(7);
        assertThat(s.nextToken()).isFalse();
        assertThat(s.nextLine()).isTrue();
        assertThat(s.nextToken()).isFalse();
        assertThat(s.nextLine()).isTrue();
        assertThat(s.lineNumber()).isEqualTo(3);
        assertThat(s.nextLine()).isFalse();
    }
}
