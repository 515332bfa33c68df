package io.brief2image.offline;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** Derives stable seeds and fingerprints so equal inputs always paint equal pictures. */
final class PromptSeed {

    private PromptSeed() {
    }

    /** A non-negative int-range seed from the prompt, used when the caller sends none. */
    static long fromPrompt(String prompt) {
        byte[] hash = sha256(List.of((prompt == null ? "" : prompt).getBytes(StandardCharsets.UTF_8)));
        int value = ((hash[0] & 0xff) << 24) | ((hash[1] & 0xff) << 16) | ((hash[2] & 0xff) << 8) | (hash[3] & 0xff);
        return value & 0x7fffffffL;
    }

    /** Short hex fingerprint of base images, printed on edits so a different base is visible. */
    static String fingerprint(List<byte[]> images) {
        return HexFormat.of().formatHex(sha256(images)).substring(0, 12);
    }

    private static byte[] sha256(List<byte[]> chunks) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (byte[] chunk : chunks) {
                digest.update(chunk);
            }
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK ships SHA-256", e);
        }
    }
}
