@NullMarked
package id.ugdkemiskinan.delivery.channel;

import org.jspecify.annotations.NullMarked;
