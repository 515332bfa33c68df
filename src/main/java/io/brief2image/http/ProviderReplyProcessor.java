package io.brief2image.http;

import java.io.InputStream;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** The last step of the provider-http route: hands the open reply stream to the caller's handler. */
public final class ProviderReplyProcessor implements Processor {

    @Override
    @SuppressWarnings("unchecked")
    public void process(Exchange exchange) throws Exception {
        ProviderHttp.ReplyHandler<Object> handler = exchange.getProperty(ProviderHttp.HANDLER, ProviderHttp.ReplyHandler.class);
        InputStream body = exchange.getMessage().getBody(InputStream.class);
        try (InputStream in = body) {
            exchange.setProperty(ProviderHttp.RESULT, handler.handle(in, exchange.getMessage().getHeaders()));
        }
    }
}
