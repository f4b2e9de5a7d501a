package id.ugdkemiskinan.common;

import java.time.Duration;
import java.util.function.IntSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * A background job on its own thread: runs once when the application is ready, then again
 * {@code interval} after each run ends. A failed run (the database down, say) is logged
 * and the schedule goes on, so the next run catches up.
 */
public final class PeriodicTask implements ApplicationListener<ApplicationReadyEvent>, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(PeriodicTask.class);

	private final String name;

	private final Duration interval;

	private final IntSupplier task;

	private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();

	/**
	 * @param name what the job does, for the log ("SLA sweep")
	 * @param interval the pause between runs
	 * @param task the job; returns how many things it did (logged when not 0)
	 */
	public PeriodicTask(String name, Duration interval, IntSupplier task) {
		this.name = name;
		this.interval = interval;
		this.task = task;
		this.scheduler.setPoolSize(1);
		this.scheduler.setThreadNamePrefix(name.toLowerCase().replace(' ', '-') + "-");
		this.scheduler.setWaitForTasksToCompleteOnShutdown(false);
	}

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		log.info("{} runs now and every {}", this.name, this.interval);
		this.scheduler.initialize();
		this.scheduler.scheduleWithFixedDelay(this::runSafely, this.interval);
	}

	private void runSafely() {
		try {
			int done = this.task.getAsInt();
			if (done > 0) {
				log.info("{}: {} done", this.name, done);
			}
		}
		catch (RuntimeException ex) {
			log.warn("{} failed, retrying in {}: {}", this.name, this.interval, ex.getMessage());
		}
	}

	@Override
	public void destroy() {
		this.scheduler.shutdown();
	}

}
