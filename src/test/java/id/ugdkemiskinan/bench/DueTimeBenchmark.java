package id.ugdkemiskinan.bench;

/**
 * Benchmark (not a test) of the due-time engine alone, without a database: the first part
 * of {@link SlaSweepBenchmark} (due time plus at-risk instant over a Monday–Friday
 * 07.30–16.00 calendar with a year of holidays, ordinary starts and the worst cases).
 * Goal: under 50 µs a computation. Run it with
 * <pre>./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=id.ugdkemiskinan.bench.DueTimeBenchmark</pre>
 */
public final class DueTimeBenchmark {

	private DueTimeBenchmark() {
	}

	public static void main(String[] args) {
		double worst = SlaSweepBenchmark.dueTimes();
		System.out.printf("worst case %.2f µs a computation (goal < 50 µs)%n", worst);
		System.exit(worst < 50 ? 0 : 1);
	}

}
