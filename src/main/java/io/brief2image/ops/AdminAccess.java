package io.brief2image.ops;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Who may change things over HTTP (replay dead letters). Without an admin token only loopback
 * clients may. With one, everyone must present it, loopback clients too unless
 * {@code allowLoopback}: behind a reverse proxy on the same host every request arrives from
 * loopback, so a set token must not be bypassable by default.
 */
public final class AdminAccess {

    public enum Verdict {
        ALLOWED(200), TOKEN_MISSING(401), FORBIDDEN(403);

        private final int httpStatus;

        Verdict(int httpStatus) {
            this.httpStatus = httpStatus;
        }

        public int httpStatus() {
            return httpStatus;
        }
    }

    private final byte[] token;
    private final boolean allowLoopback;

    public AdminAccess(String token, boolean allowLoopback) {
        this.token = token == null ? new byte[0] : token.trim().getBytes(StandardCharsets.UTF_8);
        this.allowLoopback = allowLoopback;
    }

    /**
     * @param client    the peer address, null when unknown (never treated as loopback)
     * @param presented the token from the request, null when none was sent
     */
    public Verdict check(InetAddress client, String presented) {
        boolean loopback = client != null && client.isLoopbackAddress();
        if (token.length == 0) {
            return loopback ? Verdict.ALLOWED : Verdict.FORBIDDEN;
        }
        if (loopback && allowLoopback) {
            return Verdict.ALLOWED;
        }
        if (presented == null || presented.isBlank()) {
            return Verdict.TOKEN_MISSING;
        }
        // constant time, so the token cannot be guessed byte by byte from response times
        return MessageDigest.isEqual(token, presented.trim().getBytes(StandardCharsets.UTF_8)) ? Verdict.ALLOWED : Verdict.FORBIDDEN;
    }

    /** The token from {@code Authorization: Bearer <token>} or {@code X-Admin-Token}, null when neither is sent. */
    public static String presentedToken(String authorization, String adminTokenHeader) {
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7).trim();
        }
        return adminTokenHeader;
    }
}
