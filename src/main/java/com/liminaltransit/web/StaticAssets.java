package com.liminaltransit.web;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Our own stylesheets, scripts and icons (classpath {@code static/}), read once at start-up, each with a name that
 * carries a hash of its content: {@code /static/css/transit.css} is also {@code /static/css/transit.3f9a1c2b4d5e.css}.
 * The templates write the hashed names ({@link #url}), which may be cached for a year, anywhere: a release that
 * changes a file changes its name, so no browser or edge ever pairs new pages with an old stylesheet. The plain
 * names still answer, briefly cacheable, for bookmarks and old pages.
 */
@ApplicationScoped
public class StaticAssets {

    /** Where the files are served from. */
    static final String PREFIX = "/static/";

    /** Hex digits of the SHA-256 kept in a name: 48 bits, plenty to tell one release's file from another's. */
    private static final int HASH_LENGTH = 12;

    /**
     * One file.
     *
     * @param content     its bytes
     * @param contentType what it is, for {@code Content-Type}
     * @param hash        the hash its versioned name carries (also its {@code ETag})
     * @param versioned   its name with the hash, e.g. {@code css/transit.3f9a1c2b4d5e.css}
     */
    record Asset(byte[] content, String contentType, String hash, String versioned) {}

    /**
     * A request's file and whether it was asked for by its hashed name (then it never changes).
     *
     * @param asset     the file
     * @param immutable asked for by its hashed name
     */
    record Found(Asset asset, boolean immutable) {}

    private final Map<String, Asset> byPlainName;
    private final Map<String, Asset> byVersionedName;

    /** Reads every file under {@code static/} on the class path. */
    public StaticAssets() {
        this(readClassPath());
    }

    /** From files already read: relative name ({@code css/transit.css}) → content. */
    StaticAssets(Map<String, byte[]> files) {
        Map<String, Asset> plain = new HashMap<>();
        Map<String, Asset> versioned = new HashMap<>();
        files.forEach((name, content) -> {
            String hash = hash(content);
            Asset asset = new Asset(content, contentType(name), hash, versionedName(name, hash));
            plain.put(name, asset);
            versioned.put(asset.versioned(), asset);
        });
        this.byPlainName = Map.copyOf(plain);
        this.byVersionedName = Map.copyOf(versioned);
    }

    /**
     * The address to write in a page for {@code path}: the hashed name of one of our files
     * ({@code /static/css/transit.css} → {@code /static/css/transit.3f9a1c2b4d5e.css}), anything else unchanged.
     */
    public String url(String path) {
        if (path.startsWith(PREFIX)) {
            Asset asset = byPlainName.get(path.substring(PREFIX.length()));
            if (asset != null) {
                return PREFIX + asset.versioned();
            }
        }
        return path;
    }

    /** The file a request path under {@code /static/} names, by its hashed or its plain name. */
    Optional<Found> find(String path) {
        if (!path.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String name = path.substring(PREFIX.length());
        Asset versioned = byVersionedName.get(name);
        if (versioned != null) {
            return Optional.of(new Found(versioned, true));
        }
        return Optional.ofNullable(byPlainName.get(name)).map(asset -> new Found(asset, false));
    }

    /** {@code css/transit.css} + hash → {@code css/transit.HASH.css}; a name without extension gets it at the end. */
    static String versionedName(String name, String hash) {
        int slash = name.lastIndexOf('/');
        int dot = name.lastIndexOf('.');
        return dot > slash + 1 ? name.substring(0, dot) + "." + hash + name.substring(dot) : name + "." + hash;
    }

    private static String hash(byte[] content) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(content))
                    .substring(0, HASH_LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static String contentType(String name) {
        String extension = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return switch (extension) {
            case "css" -> "text/css; charset=UTF-8";
            case "js" -> "text/javascript; charset=UTF-8";
            case "svg" -> "image/svg+xml";
            case "png" -> "image/png";
            case "ico" -> "image/x-icon";
            case "woff2" -> "font/woff2";
            case "txt" -> "text/plain; charset=UTF-8";
            default -> "application/octet-stream";
        };
    }

    /** Every file under {@code static/}: from the jar when packaged, from {@code target/classes} in tests. */
    private static Map<String, byte[]> readClassPath() {
        URL root = StaticAssets.class.getClassLoader().getResource("static");
        if (root == null) {
            return Map.of();
        }
        try {
            URI uri = root.toURI();
            if ("jar".equals(uri.getScheme())) {
                try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                    return readTree(Path.of(uri));
                } catch (FileSystemAlreadyExistsException openedElsewhere) {
                    return readTree(Path.of(uri)); // someone else's, left open for them
                }
            }
            return readTree(Path.of(uri));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the static files", e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("unreadable class path entry " + root, e);
        }
    }

    private static Map<String, byte[]> readTree(Path root) throws IOException {
        Map<String, byte[]> files = new HashMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path file : paths.filter(Files::isRegularFile).toList()) {
                String name = root.relativize(file).toString().replace('\\', '/');
                files.put(name, Files.readAllBytes(file));
            }
        }
        return files;
    }
}
