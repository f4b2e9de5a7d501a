@NullMarked
package id.ugdkemiskinan.delivery.outbox;

import org.jspecify.annotations.NullMarked;
