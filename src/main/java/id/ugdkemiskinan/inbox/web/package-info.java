/** The inbox's pages: the list, the conversation and its actions, the simulation. */
@NullMarked
package id.ugdkemiskinan.inbox.web;

import org.jspecify.annotations.NullMarked;
