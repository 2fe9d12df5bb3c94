package httpcourse.spec;

import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * What one header field of a response must be: whether it must be there, which values pass,
 * which value the report shows as expected instead of a wrong one, and the hint that explains
 * what is wrong with the value the server sent (or with its absence: the value is then null),
 * one {@link Hint.Id} per mistake.
 * {@link HeaderRules} makes them; {@link ResponseCheck} applies them.
 */
public record HeaderRule(String name, boolean required, BiPredicate<String, ResponseContext> accepts,
                         Function<ResponseContext, String> expected,
                         BiFunction<String, ResponseContext, Hint> hint) {
}
