package pe.tramita.modeling;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationContext;
import org.springframework.util.ClassUtils;

/**
 * What an expression in a model ({@code ${…}} or {@code #{…}}, in any attribute or text the engine may evaluate) may
 * contain: values, process variables, operators, and calls to the public methods the allowed beans declare themselves
 * ({@code plazos.legalDueDate(execution)}). Everything else is refused: member access on anything but those beans
 * ({@code ''.getClass()}, {@code execution.getProcessEngineServices()}), indexing, function calls, chained calls,
 * and any Spring bean named bare. An allow list, so that a way around it is a grammar Tramita never accepted.
 */
final class ModelExpressions {

	private static final Set<String> KEYWORDS = Set.of("and", "or", "not", "eq", "ne", "lt", "gt", "le", "ge", "div",
			"mod", "empty", "true", "false", "null");

	private static final List<String> OPERATORS = List.of("==", "!=", "<=", ">=", "&&", "||", "<", ">", "!", "+", "-",
			"*", "/", "%", "?", ":", "(", ")", ",", ".", "[", "]");

	private final ApplicationContext context;

	private final Map<String, Set<String>> methodsOfBeans = new HashMap<>();

	ModelExpressions(ApplicationContext context, Set<String> allowedBeans) {
		this.context = context;
		for (String bean : allowedBeans) {
			Class<?> type = ClassUtils.getUserClass(context.getType(bean));
			methodsOfBeans.put(bean, Arrays.stream(type.getDeclaredMethods())
				.filter(method -> Modifier.isPublic(method.getModifiers()) && !Modifier.isStatic(method.getModifiers()))
				.map(Method::getName)
				.collect(Collectors.toUnmodifiableSet()));
		}
	}

	/** Every expression in a text (an attribute's value or an element's text), with what it breaks, if anything. */
	List<Refusal> check(String text) {
		List<Refusal> refusals = new ArrayList<>();
		int from = 0;
		while (true) {
			int dollar = text.indexOf("${", from);
			int hash = text.indexOf("#{", from);
			int start = dollar < 0 ? hash : hash < 0 ? dollar : Math.min(dollar, hash);
			if (start < 0) {
				return refusals;
			}
			int end = endOf(text, start + 2);
			String expression = text.substring(start, end < 0 ? text.length() : end + 1);
			Optional<String> offending = end < 0 ? Optional.of(expression) : offending(text.substring(start + 2, end));
			offending.ifPresent(token -> refusals.add(new Refusal(expression, token)));
			if (end < 0) {
				return refusals;
			}
			from = end + 1;
		}
	}

	/** An expression and the part of it that is not allowed. */
	record Refusal(String expression, String offending) {
	}

	/** The closing brace of the expression opened before {@code from}, skipping string literals; -1 if none. */
	private static int endOf(String text, int from) {
		char quote = 0;
		for (int i = from; i < text.length(); i++) {
			char c = text.charAt(i);
			if (quote != 0) {
				if (c == '\\') {
					i++;
				}
				else if (c == quote) {
					quote = 0;
				}
			}
			else if (c == '\'' || c == '"') {
				quote = c;
			}
			else if (c == '}') {
				return i;
			}
		}
		return -1;
	}

	/** The first token the grammar does not allow, or empty when the whole expression is fine. */
	Optional<String> offending(String body) {
		List<Token> tokens;
		try {
			tokens = tokens(body);
		}
		catch (IllegalArgumentException unknownCharacter) {
			return Optional.of(unknownCharacter.getMessage());
		}
		List<Integer> callsOpen = new ArrayList<>();
		int depth = 0;
		for (int i = 0; i < tokens.size(); i++) {
			Token token = tokens.get(i);
			Token previous = i > 0 ? tokens.get(i - 1) : null;
			Token next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
			switch (token.kind()) {
				case NAME -> {
					if (previous != null && previous.is(".")) {
						continue; // a method name, checked with its bean
					}
					if (next != null && next.is(".")) {
						Set<String> methods = methodsOfBeans.get(token.text());
						Token method = i + 2 < tokens.size() ? tokens.get(i + 2) : null;
						Token open = i + 3 < tokens.size() ? tokens.get(i + 3) : null;
						if (methods == null || method == null || method.kind() != Kind.NAME
								|| !methods.contains(method.text()) || open == null || !open.is("(")) {
							return Optional.of(token.text() + "." + (method == null ? "" : method.text()));
						}
						callsOpen.add(depth);
						depth++;
						i += 3;
						continue;
					}
					if (KEYWORDS.contains(token.text())) {
						continue;
					}
					if (next != null && (next.is("(") || next.is("["))) {
						return Optional.of(token.text() + next.text());
					}
					if (context.containsBean(token.text())) {
						return Optional.of(token.text());
					}
				}
				case OPERATOR -> {
					switch (token.text()) {
						case ".", "[", "]" -> {
							return Optional.of((previous == null ? "" : previous.text()) + token.text());
						}
						case "(" -> {
							if (previous != null && (previous.kind() != Kind.OPERATOR || previous.is(")"))
									&& !KEYWORDS.contains(previous.text())) {
								return Optional.of(previous.text() + "(");
							}
							depth++;
						}
						case ")" -> {
							depth--;
							if (depth < 0) {
								return Optional.of(")");
							}
							if (!callsOpen.isEmpty() && callsOpen.get(callsOpen.size() - 1) == depth) {
								callsOpen.remove(callsOpen.size() - 1);
								if (next != null && (next.is(".") || next.is("["))) {
									return Optional.of(")" + next.text());
								}
							}
						}
						default -> {
						}
					}
				}
				default -> {
				}
			}
		}
		return depth == 0 ? Optional.empty() : Optional.of("(");
	}

	private enum Kind {
		NAME, LITERAL, OPERATOR
	}

	private record Token(Kind kind, String text) {

		boolean is(String operator) {
			return kind == Kind.OPERATOR && text.equals(operator);
		}

	}

	private static List<Token> tokens(String body) {
		List<Token> tokens = new ArrayList<>();
		int i = 0;
		while (i < body.length()) {
			char c = body.charAt(i);
			if (Character.isWhitespace(c)) {
				i++;
			}
			else if (c == '\'' || c == '"') {
				int end = i + 1;
				while (end < body.length() && body.charAt(end) != c) {
					end += body.charAt(end) == '\\' ? 2 : 1;
				}
				tokens.add(new Token(Kind.LITERAL, body.substring(i, Math.min(end + 1, body.length()))));
				i = end + 1;
			}
			else if (Character.isDigit(c)) {
				int end = i;
				while (end < body.length() && (Character.isDigit(body.charAt(end)) || body.charAt(end) == '.'
						|| body.charAt(end) == 'e' || body.charAt(end) == 'E')) {
					end++;
				}
				tokens.add(new Token(Kind.LITERAL, body.substring(i, end)));
				i = end;
			}
			else if (Character.isJavaIdentifierStart(c)) {
				int end = i + 1;
				while (end < body.length() && Character.isJavaIdentifierPart(body.charAt(end))) {
					end++;
				}
				tokens.add(new Token(Kind.NAME, body.substring(i, end)));
				i = end;
			}
			else {
				int at = i;
				String operator = OPERATORS.stream().filter(op -> body.startsWith(op, at)).findFirst()
					.orElseThrow(() -> new IllegalArgumentException(String.valueOf(c)));
				tokens.add(new Token(Kind.OPERATOR, operator));
				i += operator.length();
			}
		}
		return tokens;
	}

}
