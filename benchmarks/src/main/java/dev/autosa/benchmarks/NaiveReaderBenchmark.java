// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What a straightforward implementation costs: open each file per tick, read it into lines, split
 * each line on whitespace and parse every number into a map keyed by file, line head and column.
 * It parses the same files as AutoSA's source but computes no rates, so it flatters the naive way.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class NaiveReaderBenchmark {

    @Param({ProcFiles.FIXTURE, "/proc"})
    public String procRoot;

    private List<Path> files;
    private String[] names;

    @Setup(Level.Trial)
    public void setUp() {
        Path root = ProcFiles.root(procRoot);
        files = ProcFiles.tickFiles(root);
        names = new String[files.size()];
        for (int i = 0; i < names.length; i++) {
            names[i] = root.relativize(files.get(i)).toString();
        }
    }

    @Benchmark
    public Map<String, Long> readAndParse() throws IOException {
        Map<String, Long> values = new HashMap<>();
        for (int f = 0; f < names.length; f++) {
            for (String line : Files.readAllLines(files.get(f))) {
                String[] parts = line.trim().split("\\s+");
                if (parts.length < 2) {
                    continue;
                }
                // diskstats: "major minor name fields..."; everything else: "name fields..." or "some avg10=..."
                boolean disk = "diskstats".equals(names[f]);
                String head = disk ? parts[2] : parts[0];
                for (int i = disk ? 3 : 1; i < parts.length; i++) {
                    String token = parts[i];
                    int eq = token.indexOf('=');
                    String key = eq < 0 ? names[f] + '.' + head + '.' + i : names[f] + '.' + head + '.' + token.substring(0, eq);
                    String number = eq < 0 ? token : token.substring(eq + 1);
                    if (number.isEmpty() || !Character.isDigit(number.charAt(0)) || number.indexOf('/') >= 0) {
                        continue; // meminfo's "kB", loadavg's "1/345": not numbers
                    }
                    // loadavg "0.52", PSI "avg10=0.00": fixed point, hundredths
                    values.put(key, number.indexOf('.') >= 0 ? (long) (Double.parseDouble(number) * 100)
                            : Long.parseLong(number));
                }
            }
        }
        return values;
    }
}
