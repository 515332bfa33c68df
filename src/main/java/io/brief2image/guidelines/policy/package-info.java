/**
 * The guidelines policy document (guidelines.yaml and the world/ lists): the records it is made of and
 * their loader. Data only, no decisions; it uses no other package of the project.
 */
package io.brief2image.guidelines.policy;
