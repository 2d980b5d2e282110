// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.lab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One labelled stretch of a capture, from {@code phases.csv}: the workload that ran from
 * {@code startMs} (inclusive) to {@code endMs} (exclusive), on the capture's clock (ms since its start).
 * {@code label} is the class a right classifier gives it, {@code name} the phase (e.g. {@code pgbench},
 * labelled latency-sensitive); the name is the label when phases.csv has no name column.
 */
public record Phase(String label, long startMs, long endMs, String name) {

    public Phase(String label, long startMs, long endMs) {
        this(label, startMs, endMs, label);
    }

    /** The name, and the label when it differs: {@code "pgbench (latency-sensitive)"}. */
    public String title() {
        return name.equals(label) ? label : name + " (" + label + ")";
    }


    /** The label of a phase scored by "no switch" rather than by a class. */
    public static final String BURSTY = "bursty";

    public Phase {
        if (label.isBlank()) {
            throw new IllegalArgumentException("phase label must not be blank");
        }
        if (startMs < 0 || endMs <= startMs) {
            throw new IllegalArgumentException("phase " + label + " must have 0 <= start < end but was "
                    + startMs + ".." + endMs);
        }
    }

    public boolean contains(long tMs) {
        return tMs >= startMs && tMs < endMs;
    }

    public boolean isBursty() {
        return label.equals(BURSTY);
    }

    /** Reads {@code label,start_ms,end_ms[,name]} lines (with that header), in time order. */
    public static List<Phase> read(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        String header = lines.isEmpty() ? "" : lines.get(0).trim();
        boolean named = header.equals("label,start_ms,end_ms,name");
        if (!named && !header.equals("label,start_ms,end_ms")) {
            throw new IOException(csv + ": the first line must be the header label,start_ms,end_ms or label,start_ms,end_ms,name");
        }
        List<Phase> phases = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split(",", -1);
            if (f.length != (named ? 4 : 3)) {
                throw new IOException(csv + " line " + (i + 1) + ": expected " + header + " but was \"" + line + "\"");
            }
            try {
                Phase p = new Phase(f[0].trim(), Long.parseLong(f[1].trim()), Long.parseLong(f[2].trim()),
                        named && !f[3].isBlank() ? f[3].trim() : f[0].trim());
                if (!phases.isEmpty() && p.startMs() < phases.get(phases.size() - 1).endMs()) {
                    throw new IOException(csv + " line " + (i + 1) + ": phase " + p.label()
                            + " starts before the previous one ends");
                }
                phases.add(p);
            } catch (IllegalArgumentException e) {
                throw new IOException(csv + " line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return List.copyOf(phases);
    }
}
