package id.ugdkemiskinan.users.account;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Ends the open sessions of an account (in PostgreSQL, so on every instance at once):
 * when it is disabled, its password reset by the admin or changed by its owner. Done
 * after the change commits, so that no login with the old state can open a new session in
 * between.
 */
@Component
class AccountSessions {

	private static final Logger log = LoggerFactory.getLogger(AccountSessions.class);

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	AccountSessions(FindByIndexNameSessionRepository<? extends Session> sessions) {
		this.sessions = sessions;
	}

	/**
	 * Ends every session of this account once the current transaction commits (at once
	 * without one).
	 */
	void endAllAfterCommit(String username) {
		endAllButAfterCommit(username, null);
	}

	/**
	 * Ends every session of this account but one once the current transaction commits.
	 * @param keptSessionId the session to keep (the one that changes its own password),
	 * or {@code null}
	 */
	void endAllButAfterCommit(String username, String keptSessionId) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					endAllBut(username, keptSessionId);
				}
			});
		}
		else {
			endAllBut(username, keptSessionId);
		}
	}

	private void endAllBut(String username, String keptSessionId) {
		int ended = 0;
		for (String id : this.sessions.findByPrincipalName(username).keySet()) {
			if (!id.equals(keptSessionId)) {
				this.sessions.deleteById(id);
				ended++;
			}
		}
		if (ended > 0) {
			log.info("Ended {} open session(s) of '{}'", ended, username);
		}
	}

}
