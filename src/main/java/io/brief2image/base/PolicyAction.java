package io.brief2image.base;

/** One thing the guidelines changed or decided, kept so a brief's sidecar can explain its final prompt. */
public record PolicyAction(String rule, String action, String detail) {
}
