/**
 * The guidelines stage (produce.yaml step {@code guidelines}): screens a brief's prompt against
 * the prompting guidelines (guidelines.yaml) and records every change as a sidecar {@code policy} entry.
 * Sub-packages: {@code policy} (the policy document), {@code rules} (the rules), {@code text} (a text toolkit).
 * It may use the layers below it: {@code base} up to {@code dedupe}.
 */
package io.brief2image.guidelines;
