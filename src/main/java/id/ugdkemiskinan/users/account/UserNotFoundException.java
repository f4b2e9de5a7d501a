package id.ugdkemiskinan.users.account;

import id.ugdkemiskinan.common.NotFoundException;

class UserNotFoundException extends NotFoundException {

	UserNotFoundException(long id) {
		super("No user " + id);
	}

}
