// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples.cli;

import dev.autosa.examples.cli.daemon.SocketPaths;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** {@code --socket}, shared by the daemon and its clients. */
public final class SocketOption {

    @Option(names = "--socket", paramLabel = "PATH",
            description = "The daemon's control socket (default /run/autosa/autosa.sock as root, "
                    + "else $XDG_RUNTIME_DIR/autosa/autosa.sock).")
    @Nullable Path flag;

    /** The socket: the flag, else the default for this user. */
    public Path path() {
        return SocketPaths.socket(flag);
    }

    public boolean isDefault() {
        return flag == null;
    }
}
