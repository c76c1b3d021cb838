package dev.vigie.chat;

import java.util.Optional;

/**
 * A question as the router read it.
 *
 * @param subject what it is about, without the question's own words ("HikariPool"); empty if nothing
 *                but question words
 * @param incident the incident it names, for {@link Route#INCIDENT}
 */
record RoutedQuestion(String question, Route route, Language language, Optional<TimeRange> time, String subject, String incident) {
}
