package io.brief2image.store;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Where the shared store is: a PostgreSQL JDBC URL with its user and password, or (blank URL) the
 * embedded H2 file under {@code dataDir}/store. {@code lease}: how long a claim of this instance
 * counts without being renewed (its heartbeat renews it every third of that). {@code label}: the
 * operator's name for this instance (instance-id), which starts its name in the store; blank: the host.
 */
public record StoreConfig(String url, String user, String password, Path dataDir, Duration lease, int poolSize, String label) {

    public StoreConfig(String url, String user, String password, Path dataDir, Duration lease, int poolSize) {
        this(url, user, password, dataDir, lease, poolSize, "");
    }

    public boolean embedded() {
        return url == null || url.isBlank();
    }

    /** The URL without credentials or parameters, for logs and health: {@code postgresql://host:port/db}. */
    public String where() {
        if (embedded()) {
            return "embedded H2 under " + dataDir.resolve("store");
        }
        String bare = url.replaceFirst("^jdbc:", "");
        int query = bare.indexOf('?');
        bare = query >= 0 ? bare.substring(0, query) : bare;
        return bare.replaceFirst("//[^/@]*@", "//");
    }

    /** The password never appears here. */
    @Override
    public String toString() {
        return "StoreConfig[" + where() + ", user=" + (user == null || user.isBlank() ? "unset" : user) + ", password="
                + (password == null || password.isBlank() ? "unset" : "set") + ", lease=" + lease + "]";
    }
}
