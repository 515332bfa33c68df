package io.brief2image.app;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Start work that needs none of Camel (reading the model table, the guidelines and their world
 * data) begun on a thread of its own when the beans are made, so it runs beside Camel's own
 * setup on the other core instead of after it on the main thread; the bean that needs it takes
 * the result, waiting only for what is left. A failure surfaces there unchanged, so a broken
 * table still stops the start with its sentence.
 */
final class StartInParallel<T> {

    private final CompletableFuture<T> result = new CompletableFuture<>();

    private StartInParallel(String name, Supplier<T> work) {
        Thread thread = new Thread(() -> {
            try {
                result.complete(work.get());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        }, "brief2image-start-" + name);
        thread.setDaemon(true);
        thread.start();
    }

    static <T> StartInParallel<T> begin(String name, Supplier<T> work) {
        return new StartInParallel<>(name, work);
    }

    /** The result, once the work is done; its exception as thrown when it failed. */
    T take() {
        try {
            return result.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
