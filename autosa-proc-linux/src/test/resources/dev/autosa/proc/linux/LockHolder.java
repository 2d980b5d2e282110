// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
// Run as a single source file by ScxLockTest: another process that holds the sched_ext lock the
// way a second AutoSA does (a POSIX lock through FileChannel), until its stdin closes.
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

public class LockHolder {
    public static void main(String[] args) throws Exception {
        try (FileChannel ch = FileChannel.open(Path.of(args[0]), StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE); var lock = ch.lock()) {
            System.out.println("locked");
            System.out.flush();
            while (System.in.read() >= 0) {
                // hold until the test closes our stdin
            }
        }
    }
}
