/**
 * Demo cases: about 90 days of cases seeded on a demo instance's first start.
 */
@NullMarked
package id.ugdkemiskinan.cases.demo;

import org.jspecify.annotations.NullMarked;
