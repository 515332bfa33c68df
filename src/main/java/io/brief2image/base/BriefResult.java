package io.brief2image.base;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.brief2image.base.Source;
import java.util.List;

/** The result event of a brief, sent to queue images and to the JMSReplyTo of the brief's message. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BriefResult(String briefId, String status, String stage, String reason, String detail, boolean duplicate,
                          List<Sidecar> images, Source source) {

    public static BriefResult done(String briefId, List<Sidecar> images, Source source, boolean duplicate) {
        return new BriefResult(briefId, "done", null, null, null, duplicate, images, source);
    }

    public static BriefResult failed(String briefId, String stage, String reason, Source source) {
        return failed(briefId, stage, reason, null, source);
    }

    /** {@code reason}: a sentence for the brief's writer; {@code detail}: the technical text, or null. */
    public static BriefResult failed(String briefId, String stage, String reason, String detail, Source source) {
        return new BriefResult(briefId, "failed", stage, reason, detail, false, List.of(), source);
    }
}
