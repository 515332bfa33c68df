package io.brief2image.batch;

import com.fasterxml.jackson.databind.JsonNode;
import io.brief2image.base.Json;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.activemq.command.ActiveMQQueue;
import org.apache.activemq.command.ActiveMQTopic;

/**
 * What a batch brief keeps of the queue message it came in, so its result (images, result event, JMS
 * reply, dead letter) is published as any brief's once the batch ends, after a restart too: the body as
 * received and the headers the result steps read (the pipeline's {@code b2i_*}, the correlation and
 * message ids, the reply-to queue by name).
 */
record QueueMessage(String body, Map<String, Object> headers) {

    private static final String REPLY_TO = "JMSReplyTo";

    static QueueMessage of(Exchange exchange) {
        Message original = exchange.getUnitOfWork() != null && exchange.getUnitOfWork().getOriginalInMessage() != null
                ? exchange.getUnitOfWork().getOriginalInMessage() : exchange.getMessage();
        Map<String, Object> headers = new LinkedHashMap<>();
        original.getHeaders().forEach((name, value) -> {
            if (value != null && (name.startsWith("b2i_") || name.equals("JMSCorrelationID") || name.equals("JMSMessageID")
                    || name.equals("JMSTimestamp") || name.equals("priority") || name.equals("CamelFileName"))) {
                headers.put(name, value instanceof Number || value instanceof Boolean ? value : value.toString());
            }
        });
        Object replyTo = original.getHeader(REPLY_TO);
        if (replyTo instanceof jakarta.jms.Queue queue) {
            headers.put(REPLY_TO, "queue:" + name(queue));
        } else if (replyTo instanceof jakarta.jms.Topic topic) {
            headers.put(REPLY_TO, "topic:" + name(topic));
        }
        return new QueueMessage(original.getBody(String.class), headers);
    }

    String headersJson() {
        try {
            return Json.MAPPER.writeValueAsString(headers);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static QueueMessage read(String body, String headersJson) {
        Map<String, Object> headers = new LinkedHashMap<>();
        try {
            JsonNode tree = Json.MAPPER.readTree(headersJson);
            tree.fields().forEachRemaining(e -> headers.put(e.getKey(), e.getValue().isNumber() ? e.getValue().numberValue()
                    : e.getValue().isBoolean() ? e.getValue().booleanValue() : e.getValue().asText()));
        } catch (IOException e) {
            throw new IllegalStateException("a batch brief's message headers in the store could not be read", e);
        }
        return new QueueMessage(body, headers);
    }

    /** The headers to send with, the reply-to queue made a destination again. */
    Map<String, Object> sendHeaders() {
        Map<String, Object> out = new LinkedHashMap<>(headers);
        if (out.get(REPLY_TO) instanceof String replyTo) {
            out.put(REPLY_TO, replyTo.startsWith("topic:") ? new ActiveMQTopic(replyTo.substring(6)) : new ActiveMQQueue(replyTo.substring(6)));
        }
        return out;
    }

    private static String name(jakarta.jms.Destination destination) {
        try {
            return destination instanceof jakarta.jms.Queue q ? q.getQueueName() : ((jakarta.jms.Topic) destination).getTopicName();
        } catch (jakarta.jms.JMSException e) {
            return destination.toString();
        }
    }
}
