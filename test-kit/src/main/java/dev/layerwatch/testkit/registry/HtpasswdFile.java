package dev.layerwatch.testkit.registry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.mindrot.jbcrypt.BCrypt;

/** Writes an Apache htpasswd file with bcrypt hashes, the only scheme distribution's htpasswd auth accepts. */
final class HtpasswdFile {

    private HtpasswdFile() {
    }

    static void write(Path target, Map<String, String> users) throws IOException {
        StringBuilder lines = new StringBuilder();
        for (Map.Entry<String, String> user : users.entrySet()) {
            if (user.getKey().contains(":")) {
                throw new IllegalArgumentException("htpasswd user name '" + user.getKey() + "' must not contain ':'");
            }
            // cost 4, the minimum: hashing is checked on every request and tests must stay fast
            lines.append(user.getKey()).append(':').append(BCrypt.hashpw(user.getValue(), BCrypt.gensalt(4))).append('\n');
        }
        Files.writeString(target, lines.toString());
    }
}
