package id.ugdkemiskinan.bench;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * For the dashboard benchmark: while {@link #capture} runs, every prepared statement the
 * application executes is written down as literal SQL (its parameters in place of the
 * {@code ?}), so the benchmark can run exactly those statements in {@code psql}, the way
 * the issue asks the page to be compared.
 */
@Configuration(proxyBeanMethods = false)
public class StatementCapture {

	private static final List<String> captured = Collections.synchronizedList(new ArrayList<>());

	private static volatile boolean capturing;

	/** The statements executed while {@code action} ran, in order. */
	static List<String> capture(Runnable action) {
		captured.clear();
		capturing = true;
		try {
			action.run();
		}
		finally {
			capturing = false;
		}
		synchronized (captured) {
			return List.copyOf(captured);
		}
	}

	@Bean
	static BeanPostProcessor statementCapturingDataSource() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				return (bean instanceof DataSource dataSource)
						? proxy(DataSource.class, dataSource, (target, method, args) -> {
							Object result = method.invoke(target, args);
							return (result instanceof Connection connection) ? connection(connection) : result;
						}) : bean;
			}
		};
	}

	private static Connection connection(Connection connection) {
		return proxy(Connection.class, connection, (target, method, args) -> {
			Object result = method.invoke(target, args);
			if (result instanceof PreparedStatement statement && method.getName().equals("prepareStatement")) {
				return statement(statement, (String) args[0]);
			}
			return result;
		});
	}

	private static PreparedStatement statement(PreparedStatement statement, String sql) {
		Map<Integer, Object> values = new TreeMap<>();
		return proxy(PreparedStatement.class, statement, (target, method, args) -> {
			String name = method.getName();
			if (name.startsWith("set") && args != null && args.length >= 2 && args[0] instanceof Integer index) {
				values.put(index, name.equals("setNull") ? null : args[1]);
			}
			else if (name.startsWith("execute") && (args == null || args.length == 0) && capturing) {
				captured.add(literal(sql, values));
			}
			return method.invoke(target, args);
		});
	}

	/**
	 * The statement with each {@code ?} outside a quoted string replaced by its value as
	 * a literal.
	 */
	static String literal(String sql, Map<Integer, Object> values) {
		StringBuilder out = new StringBuilder();
		boolean quoted = false;
		int index = 0;
		for (char c : sql.toCharArray()) {
			if (c == '\'') {
				quoted = !quoted;
			}
			if (c == '?' && !quoted) {
				out.append(value(values.get(++index)));
			}
			else {
				out.append(c);
			}
		}
		return out.toString();
	}

	private static String value(Object value) {
		if (value == null) {
			return "NULL";
		}
		if (value instanceof Number || value instanceof Boolean) {
			return value.toString();
		}
		if (value instanceof Object[] array) {
			// An array bound as a whole (the escalation chain's levels): its text form,
			// cast
			// by the statement itself.
			StringBuilder text = new StringBuilder("'{");
			for (int i = 0; i < array.length; i++) {
				text.append(i == 0 ? "" : ",");
				text.append(array[i] == null ? "NULL" : "\""
						+ array[i].toString().replace("\\", "\\\\").replace("\"", "\\\"").replace("'", "''") + "\"");
			}
			return text.append("}'").toString();
		}
		if (value instanceof byte[] bytes) {
			return "'\\x" + HexFormat.of().formatHex(bytes) + "'::bytea";
		}
		String text = "'" + value.toString().replace("'", "''") + "'";
		return (value instanceof OffsetDateTime) ? text + "::timestamptz"
				: (value instanceof Temporal) ? text + "::timestamp" : text;
	}

	@SuppressWarnings("unchecked")
	private static <T> T proxy(Class<T> type, T target, Call call) {
		return (T) Proxy.newProxyInstance(StatementCapture.class.getClassLoader(), new Class<?>[] { type },
				(proxy, method, args) -> {
					try {
						return call.invoke(target, method, args);
					}
					catch (InvocationTargetException ex) {
						throw ex.getCause();
					}
				});
	}

	private interface Call {

		Object invoke(Object target, Method method, Object[] args) throws Throwable;

	}

}
