package io.brief2image.brief;

import java.util.regex.Pattern;

/** The id rule of docs/DESIGN.md §1: ids become folder and file names, so only a safe alphabet is allowed. */
public final class SafeId {

    public static final Pattern VALID = Pattern.compile("[A-Za-z0-9._-]{1,100}");
    public static final String RULE = "1 to 100 letters, digits, '.', '_' or '-', not starting with '.'";

    private SafeId() {
    }

    public static boolean isValid(String id) {
        return id != null && VALID.matcher(id).matches() && !id.startsWith(".");
    }

    /** Turns a file name or JMS message id into a valid id (for defaults only; explicit ids are never rewritten). */
    public static String makeSafe(String raw) {
        String safe = raw.replaceAll("[^A-Za-z0-9._-]", "-").replaceAll("^[.]+", "");
        if (safe.length() > 100) {
            safe = safe.substring(safe.length() - 100);
        }
        return safe.isEmpty() ? "brief" : safe;
    }
}
