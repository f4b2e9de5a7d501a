package id.ugdkemiskinan.users;

import id.ugdkemiskinan.common.NotFoundException;

class UserNotFoundException extends NotFoundException {

	UserNotFoundException(long id) {
		super("No user " + id);
	}

}
