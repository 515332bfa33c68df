package io.brief2image.ops.web;

import io.brief2image.ops.AdminAccess;
import org.apache.camel.Exchange;

/** The check every state-changing endpoint makes first; on refusal the reply is already written. */
final class AdminGuard {

    private final AdminAccess access;

    AdminGuard(AdminAccess access) {
        this.access = access;
    }

    boolean allows(Exchange exchange, String action) {
        String presented = AdminAccess.presentedToken(RequestInfo.text(exchange, "Authorization"), RequestInfo.text(exchange, "X-Admin-Token"));
        AdminAccess.Verdict verdict = access.check(RequestInfo.client(exchange), presented);
        if (verdict == AdminAccess.Verdict.ALLOWED) {
            return true;
        }
        HttpReply.error(exchange, verdict.httpStatus(), verdict == AdminAccess.Verdict.TOKEN_MISSING
                ? action + " needs the admin token (Authorization: Bearer <token> or X-Admin-Token)"
                : "not allowed to " + action + " from here");
        if (verdict == AdminAccess.Verdict.TOKEN_MISSING) {
            exchange.getMessage().setHeader("WWW-Authenticate", "Bearer");
        }
        return false;
    }
}
