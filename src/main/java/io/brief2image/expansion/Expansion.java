package io.brief2image.expansion;

import com.fasterxml.jackson.annotation.JsonInclude;

/** How the captions were made: {@code mode} gpt, rules or verbatim; {@code note} says why a fallback happened. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Expansion(String mode, String model, String note) {
}
