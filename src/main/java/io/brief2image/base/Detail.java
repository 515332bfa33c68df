package io.brief2image.base;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code detail} of an error report: the technical text behind a reason, for the operator.
 * It may hold exception text, but never a secret, and no path beyond one relative to the working
 * directory: a path elsewhere keeps only its last two names.
 */
public final class Detail {

    private static final int MAX_CHARS = 2000;
    private static final int MAX_CAUSES = 4;
    private static final Pattern UNIX_PATH = Pattern.compile("(?<![\\w.~:/…-])/(?:[^\\s/:'\"()\\[\\],;]+/)*[^\\s/:'\"()\\[\\],;]*");
    private static final Pattern WINDOWS_PATH = Pattern.compile("(?<![\\w])[A-Za-z]:\\\\(?:[^\\s\\\\:'\"()\\[\\],;]+\\\\)*[^\\s\\\\:'\"()\\[\\],;]*");
    private static final Pattern SECRET = Pattern.compile("(sk-[A-Za-z0-9_-]{4})[A-Za-z0-9_-]{8,}|(Bearer )[A-Za-z0-9._~+/=-]{8,}");
    private static final String WORKING_DIR = Path.of("").toAbsolutePath().toString();

    private Detail() {
    }

    /** Each exception of the cause chain as {@code Kind: message}, joined by "; caused by ". */
    public static String of(Throwable failure) {
        List<String> parts = new ArrayList<>();
        for (Throwable t = failure; t != null && parts.size() < MAX_CAUSES; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage();
            if (t.getCause() != null && t.getCause() != t && t.getCause().toString().equals(message)) {
                continue; // a wrapper that only repeats its cause
            }
            String part = t.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message.strip());
            if (parts.isEmpty() || !parts.get(parts.size() - 1).contains(part)) {
                parts.add(part);
            }
        }
        return scrub(parts.isEmpty() ? failure.getClass().getSimpleName() : String.join("; caused by ", parts));
    }

    /** Paths made relative (or cut to their last names), secrets masked, length capped. */
    public static String scrub(String text) {
        if (text == null) {
            return null;
        }
        String scrubbed = replace(UNIX_PATH.matcher(text.strip().replaceAll("\\s*\\R\\s*", " ")), "/");
        scrubbed = replace(WINDOWS_PATH.matcher(scrubbed), "\\");
        scrubbed = SECRET.matcher(scrubbed).replaceAll(m -> Matcher.quoteReplacement(
                (m.group(1) != null ? m.group(1) : m.group(2)) + "…"));
        return scrubbed.length() > MAX_CHARS ? scrubbed.substring(0, MAX_CHARS - 1) + "…" : scrubbed;
    }

    private static String replace(Matcher paths, String separator) {
        return paths.replaceAll(m -> Matcher.quoteReplacement(shorten(m.group(), separator)));
    }

    private static String shorten(String path, String separator) {
        if (path.equals(WORKING_DIR)) {
            return ".";
        }
        if (path.startsWith(WORKING_DIR + separator)) {
            return path.substring(WORKING_DIR.length() + 1);
        }
        String[] names = path.split(Pattern.quote(separator));
        List<String> kept = new ArrayList<>();
        for (int i = names.length - 1; i >= 0 && kept.size() < 2; i--) {
            if (!names[i].isEmpty()) {
                kept.add(0, names[i]);
            }
        }
        return kept.isEmpty() ? path : "…" + separator + String.join(separator, kept);
    }
}
