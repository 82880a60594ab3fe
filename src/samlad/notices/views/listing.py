def notice_list(request, public_id=None):
    raise NotImplementedError
