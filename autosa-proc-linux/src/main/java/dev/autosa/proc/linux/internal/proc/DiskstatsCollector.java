// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.proc.linux.internal.proc;

import dev.autosa.api.MetricKey;
import dev.autosa.api.MetricSink;
import java.nio.file.Path;

/**
 * Turns /proc/diskstats into I/O rates summed over whole disks (bytes read and written, completed
 * operations) and {@code io.util}, the share of time the busiest disk had I/O in flight. A device
 * that appears contributes from its second tick; one that vanishes simply stops contributing.
 */
final class DiskstatsCollector extends FileCollector {

    static final int SECTOR_BYTES = 512;
    private static final double MILLIS_TO_SECONDS = 1e-3;

    private final DiskstatsParser parser;
    private final Counters counters = new Counters(8 * DiskstatsParser.FIELDS);

    DiskstatsCollector(Path root, boolean includeVirtual) {
        super(root, "diskstats", true);
        parser = new DiskstatsParser(new DeviceFilter(includeVirtual));
    }

    DiskstatsParser parser() {
        return parser;
    }

    @Override
    void parseAndWrite(ByteScanner s, long elapsedNanos, MetricSink sink) {
        parser.parse(s, problems);
        int slots = parser.slotCount();
        counters.ensureCapacity(slots * DiskstatsParser.FIELDS);
        double readBytes = 0;
        double writeBytes = 0;
        double ops = 0;
        double util = 0;
        int present = 0;
        int contributing = 0;
        for (int slot = 0; slot < slots; slot++) {
            int base = slot * DiskstatsParser.FIELDS;
            if (!parser.present(slot)) {
                // Vanished (or never used): whoever takes this slot next starts without a baseline.
                counters.invalidate(base, base + DiskstatsParser.FIELDS);
                continue;
            }
            present++;
            if (!parser.valid(slot)) {
                counters.invalidate(base, base + DiskstatsParser.FIELDS);
                continue;
            }
            double r = deviceRate(slot, DiskstatsParser.SECTORS_READ, elapsedNanos, SECTOR_BYTES, "sectors read");
            double w = deviceRate(slot, DiskstatsParser.SECTORS_WRITTEN, elapsedNanos, SECTOR_BYTES, "sectors written");
            double rOps = deviceRate(slot, DiskstatsParser.READS, elapsedNanos, 1, "reads completed");
            double wOps = deviceRate(slot, DiskstatsParser.WRITES, elapsedNanos, 1, "writes completed");
            double busy = deviceRate(slot, DiskstatsParser.IO_TICKS, elapsedNanos, MILLIS_TO_SECONDS, "io_ticks");
            if (Double.isNaN(r) || Double.isNaN(w) || Double.isNaN(rOps) || Double.isNaN(wOps) || Double.isNaN(busy)) {
                continue;
            }
            contributing++;
            readBytes += r;
            writeBytes += w;
            ops += rOps + wOps;
            util = Math.max(util, busy);
        }
        // No disks at all (a container without block devices) is a true zero; disks without a
        // baseline yet (first tick, just appeared) or a file of garbage are not.
        if (elapsedNanos > 0 && !parser.overflowed() && (contributing > 0 || (present == 0 && parser.malformedLines() == 0))) {
            sink.put(MetricKey.IO_READ_BYTES_PER_SEC, readBytes);
            sink.put(MetricKey.IO_WRITE_BYTES_PER_SEC, writeBytes);
            sink.put(MetricKey.IO_OPS_PER_SEC, ops);
            sink.put(MetricKey.IO_UTIL, clamp01(util));
        }
    }

    private double deviceRate(int slot, int field, long elapsedNanos, double scale, String counter) {
        long delta = counters.delta(slot * DiskstatsParser.FIELDS + field, parser.value(slot, field));
        if (delta == Counters.WENT_BACKWARDS) {
            // Only on the warning path: naming the device costs a String.
            return rate(counters, delta, elapsedNanos, scale, parser.line(slot), parser.name(slot) + " " + counter);
        }
        return rate(counters, delta, elapsedNanos, scale, parser.line(slot), counter);
    }
}
