@NullMarked
package id.ugdkemiskinan.delivery.digest;

import org.jspecify.annotations.NullMarked;
