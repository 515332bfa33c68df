/**
 * The one HTTP layer for provider calls, images and chat alike: the client
 * ({@link io.brief2image.http.ProviderHttp}), the classification of a failure as retryable or not
 * ({@link io.brief2image.http.FaultClass}) and the plumbing that turns a reply into a body or an exception.
 * It knows nothing of briefs; it may use only {@code base} and {@code broker}.
 */
package io.brief2image.http;
