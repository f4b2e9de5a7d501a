@NullMarked
package id.ugdkemiskinan.delivery.web;

import org.jspecify.annotations.NullMarked;
