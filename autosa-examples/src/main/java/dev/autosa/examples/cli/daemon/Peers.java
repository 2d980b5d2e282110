// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples.cli.daemon;

import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who is on the other end of a control connection, read from the kernel ({@code SO_PEERCRED}),
 * and whether that user may change anything: root or the daemon's own user.
 */
final class Peers {

    private static final Logger LOG = LoggerFactory.getLogger(Peers.class);

    /** A connection's peer: its user name and whether it is privileged. */
    record Peer(String name, boolean privileged) {
    }

    private final UserPrincipal self;
    private final @Nullable UserPrincipal root;

    private Peers(UserPrincipal self, @Nullable UserPrincipal root) {
        this.self = self;
        this.root = root;
    }

    /** The daemon's own user and root, looked up once. */
    static Peers forThisProcess(Path socket) throws IOException {
        UserPrincipal self = Files.getOwner(Path.of("/proc/self"));
        UserPrincipal root = null;
        try {
            root = socket.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("root");
        } catch (IOException e) {
            LOG.debug("no user named root: only uid {} may change anything", self.getName());
        }
        return new Peers(self, root);
    }

    Peer of(SocketChannel channel) {
        try {
            UnixDomainPrincipal p = channel.getOption(ExtendedSocketOptions.SO_PEERCRED);
            UserPrincipal user = p.user();
            return new Peer(user.getName(), user.equals(self) || (root != null && user.equals(root)));
        } catch (IOException | UnsupportedOperationException e) {
            // Without credentials nobody is privileged, but status still works.
            return new Peer("unknown", false);
        }
    }
}
