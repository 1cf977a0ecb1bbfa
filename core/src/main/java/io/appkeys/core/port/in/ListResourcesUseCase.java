package io.appkeys.core.port.in;

import io.appkeys.core.domain.Caller;
import io.appkeys.core.domain.Resource;
import java.util.List;

/** Lists the resources of the caller's account. */
public interface ListResourcesUseCase {

    List<Resource> listResources(Caller caller);
}
