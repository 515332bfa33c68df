package io.brief2image.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.brief2image.ops.AdminAccess.Verdict;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/** The rule for mutating HTTP actions, including clients that are not on loopback. */
class AdminAccessTest {

    private static final InetAddress LOOPBACK = address("127.0.0.1");
    private static final InetAddress LOOPBACK_V6 = address("::1");
    private static final InetAddress REMOTE = address("192.0.2.10");

    @Test
    void withoutATokenOnlyLoopbackMayAct() {
        AdminAccess access = new AdminAccess("", false);
        assertThat(access.check(LOOPBACK, null)).isEqualTo(Verdict.ALLOWED);
        assertThat(access.check(LOOPBACK_V6, null)).isEqualTo(Verdict.ALLOWED);
        assertThat(access.check(REMOTE, null)).isEqualTo(Verdict.FORBIDDEN);
        assertThat(access.check(REMOTE, "anything")).isEqualTo(Verdict.FORBIDDEN);
        assertThat(access.check(null, null)).as("unknown peer").isEqualTo(Verdict.FORBIDDEN);
    }

    @Test
    void withATokenEveryoneMustPresentItLoopbackToo() {
        AdminAccess access = new AdminAccess("s3cret", false);
        assertThat(access.check(REMOTE, "s3cret")).isEqualTo(Verdict.ALLOWED);
        assertThat(access.check(LOOPBACK, "s3cret")).isEqualTo(Verdict.ALLOWED);
        assertThat(access.check(LOOPBACK, null)).isEqualTo(Verdict.TOKEN_MISSING);
        assertThat(access.check(REMOTE, null)).isEqualTo(Verdict.TOKEN_MISSING);
        assertThat(access.check(REMOTE, "wrong")).isEqualTo(Verdict.FORBIDDEN);
        assertThat(access.check(REMOTE, "s3cret-and-more")).isEqualTo(Verdict.FORBIDDEN);
        assertThat(access.check(LOOPBACK, "S3CRET")).isEqualTo(Verdict.FORBIDDEN);
    }

    @Test
    void adminLoopbackLetsLoopbackActWithoutTheToken() {
        AdminAccess access = new AdminAccess("s3cret", true);
        assertThat(access.check(LOOPBACK, null)).isEqualTo(Verdict.ALLOWED);
        assertThat(access.check(REMOTE, null)).isEqualTo(Verdict.TOKEN_MISSING);
        assertThat(access.check(REMOTE, "wrong")).isEqualTo(Verdict.FORBIDDEN);
        assertThat(access.check(REMOTE, "s3cret")).isEqualTo(Verdict.ALLOWED);
    }

    @Test
    void tokenComesFromBearerOrTheAdminHeader() {
        assertThat(AdminAccess.presentedToken("Bearer abc", null)).isEqualTo("abc");
        assertThat(AdminAccess.presentedToken("bearer abc", "other")).isEqualTo("abc");
        assertThat(AdminAccess.presentedToken(null, "xyz")).isEqualTo("xyz");
        assertThat(AdminAccess.presentedToken("Basic dXNlcjpwYXNz", "xyz")).isEqualTo("xyz");
        assertThat(AdminAccess.presentedToken(null, null)).isNull();
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
