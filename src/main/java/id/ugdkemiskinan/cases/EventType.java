package id.ugdkemiskinan.cases;

/** What happened to a case; each is one line of its timeline. */
public enum EventType {
	FILED, ROUTED
}
