/**
 * State several instances share, in one database: the brief ledger (claims with owner and lease,
 * done records), the day's spend with atomic reservation, the provider's pace slots, the budget
 * pause, instance heartbeats and the inbox's file claims. PostgreSQL when brief2image.db-url is set,
 * an embedded H2 file under the data folder otherwise; the schema is Flyway's (db/store; a new embedded
 * store is made without loading Flyway and recorded as Flyway would, see NewEmbeddedStore). Every write
 * that decides something (a claim, a reservation, a pace slot) is one conditional statement, so two
 * instances cannot both pass it. It may use only {@code base}, the JDK and libraries (JDBC, HikariCP,
 * Flyway, Camel's SPI).
 */
package io.brief2image.store;
