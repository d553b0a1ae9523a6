package dev.ridgeline.core.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** A recursive-descent parser: or, and, not, comparisons, + -, * //, unary minus, calls and parentheses. */
final class Parser {
    static final Set<String> FUNCTIONS = Set.of("min", "max", "round", "ceil", "make_divisible");
    private static final Set<String> COMPARISONS = Set.of("==", "!=", "<", "<=", ">", ">=");

    private final List<Token> tokens;
    private int at;

    private Parser(List<Token> tokens) {
        this.tokens = tokens;
    }

    static Term parse(String text) {
        Parser p = new Parser(Lexer.tokens(text));
        if (p.peek().kind() == Token.Kind.END) {
            throw new ExpressionException(0, "the expression is empty");
        }
        Term t = p.or();
        Token rest = p.peek();
        if (rest.kind() != Token.Kind.END) {
            throw new ExpressionException(rest.offset(), "unexpected '" + rest.text() + "' after a complete expression");
        }
        return t;
    }

    private Token peek() {
        return tokens.get(at);
    }

    private Token next() {
        return tokens.get(at++);
    }

    private boolean accept(String symbol) {
        if (peek().is(symbol)) {
            at++;
            return true;
        }
        return false;
    }

    private Term or() {
        Term t = and();
        while (peek().is("or")) {
            Token op = next();
            t = new Term.Binary("or", t, and(), op.offset());
        }
        return t;
    }

    private Term and() {
        Term t = not();
        while (peek().is("and")) {
            Token op = next();
            t = new Term.Binary("and", t, not(), op.offset());
        }
        return t;
    }

    private Term not() {
        if (peek().is("not")) {
            Token op = next();
            return new Term.Unary("not", not(), op.offset());
        }
        return comparison();
    }

    private Term comparison() {
        Term t = sum();
        if (peek().kind() == Token.Kind.SYMBOL && COMPARISONS.contains(peek().text())) {
            Token op = next();
            t = new Term.Binary(op.text(), t, sum(), op.offset());
        }
        return t;
    }

    private Term sum() {
        Term t = product();
        while (peek().is("+") || peek().is("-")) {
            Token op = next();
            t = new Term.Binary(op.text(), t, product(), op.offset());
        }
        return t;
    }

    private Term product() {
        Term t = unary();
        while (peek().is("*") || peek().is("//") || peek().is("/")) {
            Token op = next();
            if (op.text().equals("/")) {
                throw new ExpressionException(op.offset(), "'/' is not an operator here: use // for whole-number"
                        + " (floor) division, as in Python");
            }
            t = new Term.Binary(op.text(), t, unary(), op.offset());
        }
        return t;
    }

    private Term unary() {
        if (peek().is("-")) {
            Token op = next();
            return new Term.Unary("-", unary(), op.offset());
        }
        if (peek().is("+")) {
            next();
            return unary();
        }
        return primary();
    }

    private Term primary() {
        Token t = next();
        switch (t.kind()) {
            case NUMBER:
                return new Term.Literal(number(t), t.offset());
            case NAME:
                return new Term.Name(t.text(), t.offset());
            case TEXT:
                return new Term.Literal(t.text(), t.offset());
            case WORD:
                if (t.text().equals("true") || t.text().equals("false")) {
                    return new Term.Literal(Boolean.valueOf(t.text()), t.offset());
                }
                if (!FUNCTIONS.contains(t.text())) {
                    throw new ExpressionException(t.offset(), "unknown name '" + t.text() + "'; parameters are written"
                            + " $" + t.text() + ", functions are " + String.join(", ", new java.util.TreeSet<>(FUNCTIONS)));
                }
                if (!accept("(")) {
                    throw new ExpressionException(peek().offset(), t.text() + " needs its arguments in parentheses");
                }
                List<Term> args = new ArrayList<>();
                if (!peek().is(")")) {
                    do {
                        args.add(or());
                    } while (accept(","));
                }
                expectClose(t);
                return new Term.Call(t.text(), args, t.offset());
            case SYMBOL:
                if (t.is("(")) {
                    Term inner = or();
                    expectClose(t);
                    return inner;
                }
                throw new ExpressionException(t.offset(), "expected a number, a $name or '(', got '" + t.text() + "'");
            default:
                throw new ExpressionException(t.offset(), "the expression ends where a value is expected");
        }
    }

    private void expectClose(Token open) {
        if (!accept(")")) {
            throw new ExpressionException(peek().offset(), "'(' at offset " + open.offset() + " is not closed");
        }
    }

    private static Object number(Token t) {
        String digits = t.text().replace("_", "");
        try {
            if (digits.contains(".")) {
                return Double.parseDouble(digits);
            }
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw new ExpressionException(t.offset(), "'" + t.text() + "' is not a number");
        }
    }
}
