package io.brief2image.base;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Where a brief came from; {@code name} is also the name of its dead letter in failed/. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Source(String channel, String name, String queue, String messageId, String format) {
}
