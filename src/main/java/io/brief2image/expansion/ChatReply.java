package io.brief2image.expansion;

/** The parts of a chat completion that decide whether it can be used: the text, a refusal, why it stopped. */
public record ChatReply(String content, String refusal, String finishReason) {
}
